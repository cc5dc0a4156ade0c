import type { Command } from 'commander';
import type { CheckUpdatesResult } from '../../../contract';
import { CliExit } from '../cli-io';
import type { CommandContext } from '../cli-program';
import { addGlobalOptions } from '../cli-program';
import { describeAnchors } from './reimport-command';

type Outcome = { id: string; ok: true; result: CheckUpdatesResult } | { id: string; ok: false; error: { code: string; message: string } };

function describe(o: Outcome): string {
  if (!o.ok) return `${o.id}  could not be checked: ${o.error.message}\n`;
  const r = o.result;
  if (!r.changed) return `${r.id}  ${r.message} (${r.url})\n`;
  const headline = r.titleChanged ? ', headline changed' : '';
  return `${r.id}  Updated: version ${r.shownVersion} of ${r.versionCount} kept${headline} (${r.url})\n  ${describeAnchors(r.annotations)}\n`;
}

/** `check-updates`: fetch each article's address again; a changed text is kept as a new version. */
export function registerCheckUpdatesCommand(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('check-updates'))
    .description("fetch articles' web addresses again; a text the outlet changed is kept as a new version")
    .argument('<id...>', 'article ids, as "parallax list" prints them')
    .addHelpText(
      'after',
      '\nEach article is fetched from its address (its URL). When the outlet changed the text or the headline, the\n' +
        'new text is kept as a new version beside the old ones and shown; annotations are found again in it: kept,\n' +
        'moved (drifted: worth a look) or orphaned (kept with their quote). An unchanged page records the time of\n' +
        'the check only. An article that cannot be checked (no address, offline, the page gone) is left as it was;\n' +
        'the others are still checked, and the command then exits with 1.\n',
    )
    .action(async (ids: string[], _opts: unknown, cmd: Command) => {
      const outcomes = await ctx.session(cmd, { write: true, holder: 'parallax check-updates' }, async (call) => {
        const out: Outcome[] = [];
        for (const id of ids) {
          try {
            out.push({ id, ok: true, result: await call('articles.checkUpdates', { id }) });
          } catch (e) {
            if (!(e instanceof CliExit)) throw e;
            out.push({ id, ok: false, error: { code: e.code, message: e.message } });
          }
        }
        return out;
      });
      ctx.print(
        cmd,
        outcomes.map((o) => (o.ok ? o.result : { id: o.id, error: o.error })),
        outcomes.map(describe).join(''),
      );
      if (outcomes.some((o) => !o.ok)) ctx.setExitCode(1);
    });
}
