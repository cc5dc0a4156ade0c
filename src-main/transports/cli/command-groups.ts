import type { Command } from 'commander';
import type { CommandContext } from './cli-program';

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * Which module builds which commands. A command line builds only the group of the command it runs (with its
 * options, and the contract constants they list), so `parallax list` does not load the comparison's, the
 * export's or the server's command code; `--help`, `help`, no command or an unknown one builds them all, so
 * help lists every command and commander can suggest the nearest name. A test checks these names against
 * the commands the groups register.
 */
export const commandGroups: { commands: readonly string[]; load: () => Promise<Register> }[] = [
  { commands: ['init', 'import', 'list', 'show'], load: async () => (await import('./commands/article-commands')).registerArticleCommands },
  { commands: ['search'], load: async () => (await import('./commands/search-commands')).registerSearchCommands },
  { commands: ['serve'], load: async () => (await import('./commands/serve-command')).registerServeCommand },
  { commands: ['compare', 'related', 'story'], load: async () => (await import('./commands/compare-commands')).registerCompareCommands },
  { commands: ['annotate', 'annotations'], load: async () => (await import('./commands/annotation-commands')).registerAnnotationCommands },
  { commands: ['tag', 'tags'], load: async () => (await import('./commands/tag-commands')).registerTagCommands },
  { commands: ['verdicts', 'verdict'], load: async () => (await import('./commands/verdict-commands')).registerVerdictCommands },
  { commands: ['export', 'backup', 'restore'], load: async () => (await import('./commands/export-commands')).registerExportCommands },
  { commands: ['reimport'], load: async () => (await import('./commands/reimport-command')).registerReimportCommand },
  { commands: ['sync'], load: async () => (await import('./commands/sync-command')).registerSyncCommand },
  { commands: ['check-updates'], load: async () => (await import('./commands/check-updates-command')).registerCheckUpdatesCommand },
];

/** The register functions a command line needs, in the order help lists them. */
export async function registersFor(command: string | null): Promise<Register[]> {
  const own = commandGroups.find((g) => command !== null && g.commands.includes(command));
  return Promise.all((own ? [own] : commandGroups).map((g) => g.load()));
}
