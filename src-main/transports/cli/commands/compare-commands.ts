import type { Command } from 'commander';
import { Option } from 'commander';
import type { CompareResult, Story } from '../../../contract';
import { clip, compareTables, differingParts, entityTypeText, tableFormats } from '../../../contract';
import type { CommandContext } from '../cli-program';
import { wholeNumber } from '../arguments';
import { addGlobalOptions } from '../cli-program';

/** The comparison as text for the terminal; --json prints the result itself. */
export function formatCompare(r: CompareResult): string {
  const label = (id: string) => r.articles.find((a) => a.id === id)?.label ?? id;
  const out: string[] = [];
  out.push(`Compared ${r.articles.length} article(s): ${r.articles.map((a) => `${a.label} [${a.id}]`).join(', ')}`);
  for (const n of r.notices) out.push(`Note: ${n}`);
  for (const p of r.alignment.pairs)
    out.push(
      `Aligned ${label(p.a)} with ${label(p.b)}: ${p.matched} matching sentence(s), ${p.uniqueA} only in the first, ${p.uniqueB} only in the second`,
    );
  const shared = r.claims.filter((c) => c.count > 1);
  out.push('', `Claims carried by more than one outlet (${shared.length} of ${r.claims.length}):`);
  for (const c of shared.slice(0, 20))
    out.push(`  ${c.count}× ${clip(c.label, 90)}  (${c.passages.map((p) => label(p.article)).join(', ')})`);
  out.push('', `Quotes (${r.quotes.length}):`);
  for (const q of r.quotes.slice(0, 20))
    out.push(`  ${q.speaker ?? 'unknown speaker'}: “${clip(q.label, 80)}” — ${q.articles.map(label).join(', ')}`);
  out.push('', `Names (${r.entities.length}):`);
  for (const e of r.entities.filter((x) => x.type !== 'other').slice(0, 30)) {
    const forms = e.variants.filter((v) => !v.partial).map((v) => `${v.form} (${v.articles.map(label).join(', ')})`);
    const type = entityTypeText(e);
    out.push(`  ${e.name} [${type.text}${type.uncertain ? ', guessed from context' : ''}]${forms.length > 1 ? `: ${forms.join('; ')}` : ''}`);
  }
  out.push('', r.conflicts.length ? `Conflicts (${r.conflicts.length}):` : 'No conflicts found.');
  for (const c of r.conflicts) out.push(`  [${c.kind}] ${differingParts[c.kind]} differs: ${c.description}`);
  const differs = r.differs ?? [];
  if (differs.length) out.push('', `Differences that do not contradict (${differs.length}):`);
  for (const c of differs) out.push(`  [${c.kind}] ${differingParts[c.kind]} differs: ${c.description}`);
  return `${out.join('\n')}\n`;
}

const formatStory = (s: Story) => `${s.id}  ${s.name}  (${s.articleIds.length} article(s))`;

/** `compare`, `related` and `story …`: the comparison feature on the command line. */
export function registerCompareCommands(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('compare'))
    .description('compare articles: aligned sentences, shared claims, quotes, names and conflicts')
    .argument('<id...>', 'article ids, as "parallax list" prints them; the first is aligned with each of the others')
    .addOption(new Option('--table <name>', 'print one comparison table instead').choices([...compareTables]))
    .addOption(new Option('--format <format>', 'format of --table').choices([...tableFormats]).default('markdown'))
    .action(
      async (ids: string[], opts: { table?: (typeof compareTables)[number]; format: (typeof tableFormats)[number] }, cmd: Command) => {
        if (opts.table) {
          const t = await ctx.call(cmd, 'compare.export', { ids, table: opts.table, format: opts.format });
          ctx.print(cmd, t, t.content);
          return;
        }
        const r = await ctx.call(cmd, 'compare.articles', { ids });
        ctx.print(cmd, r, formatCompare(r));
      },
    );

  addGlobalOptions(program.command('related'))
    .description('rank the other articles by how likely they cover the same event')
    .argument('<id>', 'article id, as "parallax list" prints it (ids are made at import: every notebook has its own)')
    .option('--limit <n>', 'at most this many', wholeNumber(1, 500), 10)
    .action(async (id: string, opts: { limit: number }, cmd: Command) => {
      const items = await ctx.call(cmd, 'compare.related', { id, limit: opts.limit });
      const { items: all } = await ctx.call(cmd, 'articles.list', {});
      const title = (x: string) => all.find((a) => a.id === x)?.title ?? x;
      ctx.print(
        cmd,
        items,
        items.map((r) => `${r.score.toFixed(3)}  ${r.id}  ${clip(title(r.id), 70)}`).join('\n') +
          (items.length ? '\n' : 'No other articles.\n'),
      );
    });

  const story = program.command('story').description('group the articles about one event');
  addGlobalOptions(story.command('create'))
    .description('create a story, optionally with articles')
    .argument('<name>', 'story name')
    .argument('[id...]', 'article ids, as "parallax list" prints them')
    .action(async (name: string, ids: string[], _opts: unknown, cmd: Command) => {
      const s = await ctx.call(cmd, 'stories.create', { name, articleIds: ids });
      ctx.print(cmd, s, `Created ${formatStory(s)}\n`);
    });
  addGlobalOptions(story.command('add'))
    .description('add articles to a story')
    .argument('<story>', 'story id, as "parallax story list" prints it')
    .argument('<id...>', 'article ids, as "parallax list" prints them')
    .action(async (id: string, ids: string[], _opts: unknown, cmd: Command) => {
      const s = await ctx.call(cmd, 'stories.add', { id, articleIds: ids });
      ctx.print(cmd, s, `${formatStory(s)}\n`);
    });
  addGlobalOptions(story.command('remove'))
    .description('take articles out of a story')
    .argument('<story>', 'story id, as "parallax story list" prints it')
    .argument('<id...>', 'article ids, as "parallax list" prints them')
    .action(async (id: string, ids: string[], _opts: unknown, cmd: Command) => {
      const s = await ctx.call(cmd, 'stories.remove', { id, articleIds: ids });
      ctx.print(cmd, s, `${formatStory(s)}\n`);
    });
  addGlobalOptions(story.command('list'))
    .description('list the stories')
    .action(async (_opts: unknown, cmd: Command) => {
      const { stories } = await ctx.call(cmd, 'stories.list', {});
      ctx.print(
        cmd,
        stories,
        stories.length
          ? `${stories.map(formatStory).join('\n')}\n`
          : 'No stories yet. Create one with "parallax story create <name> <id…>".\n',
      );
    });
  addGlobalOptions(story.command('rename'))
    .description('rename a story')
    .argument('<story>', 'story id, as "parallax story list" prints it')
    .argument('<name>', 'new name')
    .action(async (id: string, name: string, _opts: unknown, cmd: Command) => {
      const s = await ctx.call(cmd, 'stories.rename', { id, name });
      ctx.print(cmd, s, `${formatStory(s)}\n`);
    });
  addGlobalOptions(story.command('delete'))
    .description('delete a story (its articles stay in the notebook)')
    .argument('<story>', 'story id, as "parallax story list" prints it')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const r = await ctx.call(cmd, 'stories.delete', { id });
      ctx.print(cmd, r, `Deleted story ${id}\n`);
    });
}
