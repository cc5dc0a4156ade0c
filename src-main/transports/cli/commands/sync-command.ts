import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { SyncReport } from '../../../contract';
import { CliExit } from '../cli-io';
import type { CommandContext } from '../cli-program';
import { addGlobalOptions } from '../cli-program';

const counts = (c: SyncReport['pushed']) =>
  `${c.articles} article(s), ${c.annotations} annotation(s), ${c.tags} tag change(s), ${c.metadata} metadata correction(s), ${c.stories} story change(s), ${c.tagColours} tag colour(s), ${c.savedSearches} saved search(es)`;

export function formatSyncReport(r: SyncReport): string {
  const lines = [
    `${r.created ? 'Set up the team database and synced' : 'Synced'} with ${r.remote} as ${r.user}`,
    `  pushed: ${counts(r.pushed)}`,
    `  pulled: ${counts(r.pulled)}`,
  ];
  if (r.merged) lines.push(`  merged with changes made here: ${r.merged}`);
  for (const c of r.conflicts)
    lines.push(`  conflict: ${c.kind}${c.articleId ? ` ${c.articleId}` : ''}${c.detail ? ` ${c.detail}` : ''}: kept ${JSON.stringify(c.kept)}, ${c.otherAuthor} had ${JSON.stringify(c.other)}`);
  return `${lines.join('\n')}\n`;
}

/** A password typed at the terminal, not echoed; only when there is a terminal to type it at. */
function askPassword(prompt: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    out._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/** `parallax sync`: meet the team database (ADR 007). */
export function registerSyncCommand(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('sync'))
    .description("push this notebook's changes to the team's PostgreSQL database and pull everyone else's")
    .option('--remote <postgres-url>', 'postgres://user@host:port/database (remembered for this notebook; the password comes from PGPASSWORD, ~/.pgpass or a prompt)')
    .option('--user <name>', 'who your changes are by (remembered for this notebook; default: the database user)')
    .action(async (o: { remote?: string; user?: string }, cmd: Command) => {
      const base = { ...(o.remote ? { remote: o.remote } : {}), ...(o.user ? { user: o.user } : {}) };
      // Through a running app the handler sees the app's environment, not this shell's: the password goes along.
      const fromEnv = ctx.io.env.PGPASSWORD ? { password: ctx.io.env.PGPASSWORD } : {};
      let report: SyncReport;
      try {
        report = await ctx.call(cmd, 'notebook.sync', { ...base, ...fromEnv });
      } catch (e) {
        if (!(e instanceof CliExit) || e.code !== 'UNAUTHORIZED' || fromEnv.password) throw e;
        const typed = await askPassword('Password for the team database: ');
        if (!typed) throw e;
        report = await ctx.call(cmd, 'notebook.sync', { ...base, password: typed });
      }
      ctx.print(cmd, report, formatSyncReport(report));
    });
}
