import type { Command } from 'commander';
import type { SearchResult } from '../../../contract';
import type { markSnippet as MarkSnippet } from '../../../core/search/highlight';
import type { CommandContext } from '../cli-program';
import { wholeNumber } from '../arguments';
import { addGlobalOptions } from '../cli-program';

/** What `search --json` prints: best first, snippets as plain strings with hits in [[…]]. */
export function searchRows(r: SearchResult, markSnippet: typeof MarkSnippet) {
  return r.hits.map((h) => ({
    id: h.id,
    title: h.title,
    outlet: h.outlet,
    score: h.score,
    snippets: [...h.snippets.map((s) => markSnippet(s)), ...h.notes.map((n) => `note: ${markSnippet(n)}`)],
  }));
}

function formatSearch(r: SearchResult, rows: ReturnType<typeof searchRows>): string {
  const lines: string[] = [];
  if (r.hits.length === 0) lines.push('No matches.');
  for (const [i, row] of rows.entries()) {
    lines.push(`${i + 1}. ${row.title}  (${row.outlet ?? 'unknown outlet'} · ${row.id} · score ${row.score})`);
    for (const s of row.snippets) lines.push(`     ${s}`);
  }
  lines.push(`${r.total}${r.approximate ? '+' : ''} article(s) match · ${r.tookMs} ms`);
  return `${lines.join('\n')}\n`;
}

/** `search "<query>"`: the same query language and ranking as the search box. */
export function registerSearchCommands(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('search'))
    .description(
      'search titles, bodies, outlets, tags and notes (words, "phrases", -exclude, a OR b, pre*, outlet: tag: lang: before: after: in:notes verdict:)',
    )
    .argument('<query>', 'the query; quote it for the shell')
    .addHelpText(
      'after',
      `
verdict:false keeps passages whose verdict is False (and their articles); verdict:any, any verdict.
Case, accents, Turkish ı/İ, Arabic harakat, hamza forms, ة/ى and a leading ال are ignored.
Examples, on a notebook made with "parallax init --sample":
  parallax search 'guler kalin'                       every word (Güler, Kalın)
  parallax search '"defence minister" outlet:trt'     a phrase, in one outlet
  parallax search 'ankara -kalin'                     exclude a word
  parallax search 'sec* before:2025-10-12'            a prefix, by date
  parallax search 'انقرة'                             finds أنقرة
`,
    )
    .option('--limit <n>', 'at most this many articles (1-500)', wholeNumber(1, 500), 20)
    .action(async (query: string, opts: { limit: number }, cmd: Command) => {
      const r = await ctx.call(cmd, 'search.query', { query, limit: opts.limit, offset: 0 });
      for (const h of r.hints) ctx.io.err(`parallax: hint: ${h.message}\n`);
      // The highlighter brings the stemmers, which only a search needs.
      const { markSnippet } = await import('../../../core/search/highlight');
      const rows = searchRows(r, markSnippet);
      ctx.print(cmd, rows, formatSearch(r, rows));
    });
}
