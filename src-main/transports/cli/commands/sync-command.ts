import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { ResolveConflictResult, SyncConflict, SyncReport } from '../../../contract';
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
  for (const c of r.conflicts) lines.push(`  ${conflictLine(c)}`);
  if (r.conflicts.length) lines.push('  settle one with: parallax sync --resolve <id> --keep mine|theirs');
  return `${lines.join('\n')}\n`;
}

const sideName = (c: SyncConflict, side: 'mine' | 'theirs') => (side === 'mine' ? 'yours' : `${c.otherAuthor}'s (${c.theirsAt})`);

function conflictLine(c: SyncConflict): string {
  const what = `${c.kind}${c.articleId ? ` ${c.articleId}` : ''}${c.detail ? ` ${c.detail}` : ''}`;
  const other = c.keptSide === 'mine' ? 'theirs' : 'mine';
  return `conflict ${c.id}: ${what}: kept ${sideName(c, c.keptSide)} ${JSON.stringify(c.kept)}; ${sideName(c, other)} was ${JSON.stringify(c.other)}`;
}

export function formatResolved(r: ResolveConflictResult, keep: 'mine' | 'theirs'): string {
  const how = r.applied ? `set ${JSON.stringify(r.resolved.other)} here; the next sync sends it out` : 'the value here stays';
  return `Resolved conflict ${r.resolved.id}: kept ${keep === 'mine' ? 'yours' : `${r.resolved.otherAuthor}'s`} (${how}); ${r.status.conflicts.length} conflict(s) left\n`;
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
    .option('--conflicts', 'list the conflicts recorded and not yet settled, instead of syncing')
    .option('--resolve <conflict-id>', 'settle a conflict a sync recorded instead of syncing (with --keep)')
    .option('--keep <side>', "with --resolve: 'mine' keeps the value here, 'theirs' sets the other edit here (sent out by the next sync)")
    .action(async (o: { remote?: string; user?: string; conflicts?: boolean; resolve?: string; keep?: string }, cmd: Command) => {
      if (o.conflicts) {
        const s = await ctx.call(cmd, 'notebook.syncStatus', {});
        ctx.print(cmd, s.conflicts, s.conflicts.length ? `${s.conflicts.map(conflictLine).join('\n')}\n` : 'No conflicts to settle\n');
        return;
      }
      if (o.resolve !== undefined || o.keep !== undefined) {
        if (o.resolve === undefined || o.keep === undefined) throw new CliExit('BAD_INPUT', 'give both --resolve <conflict-id> and --keep mine|theirs');
        // The side is checked by the contract, like every input: one message for every transport.
        const r = await ctx.call(cmd, 'notebook.resolveConflict', { id: o.resolve, keep: o.keep as 'mine' | 'theirs' });
        ctx.print(cmd, r, formatResolved(r, o.keep as 'mine' | 'theirs'));
        return;
      }
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
