import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { VerdictListResult, VerdictSource } from '../../../contract';
import { verdictSorts } from '../../../contract';
import type { CommandContext } from '../cli-program';
import { addGlobalOptions } from '../cli-program';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const oneLine = (s: string, max = 100) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

type ListOptions = { story?: string; article?: string; rating?: string; sort: string };
type SetOptions = { rating?: string; rationale?: string; claim?: string; sourceArticle?: string[]; sourceUrl?: string[]; clear?: boolean };

export function formatVerdicts(result: VerdictListResult): string {
  if (!result.items.length) return 'No verdicts.\n';
  const label = new Map(result.ratings.map((r) => [r.id, r.label]));
  const lines = result.items.map((v) => {
    const where = [v.article.outlet, v.article.title].filter(Boolean).join(', ');
    const sources = v.verdict.sources.length ? ` · ${v.verdict.sources.length} source(s)` : '';
    return `${(label.get(v.verdict.rating) ?? v.verdict.rating).padEnd(12)} “${oneLine(v.verdict.claim ?? v.quote.exact)}” — ${oneLine(where, 60)} [${v.id}]${sources}`;
  });
  return `${lines.join('\n')}\n${result.total} verdict(s)\n`;
}

/** `verdicts` lists the notebook's verdicts; `verdict` gives one passage's annotation a verdict (or clears it). */
export function registerVerdictCommands(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('verdicts'))
    .description('list verdicts on claims (rating, claim, article), truest first')
    .option('--story <id>', 'only verdicts on this story’s coverage-matrix rows')
    .option('--article <id>', 'only verdicts on passages of this article')
    .option('--rating <id>', 'only this rating (e.g. false, mostly-true)')
    .addOption(new Option('--sort <key>', 'order').choices([...verdictSorts]).default('rating'))
    .action(async (o: ListOptions, cmd: Command) => {
      const result = await ctx.call(cmd, 'verdicts.list', { story: o.story, articleId: o.article, rating: o.rating, sort: o.sort });
      ctx.print(cmd, result, formatVerdicts(result));
    });

  addGlobalOptions(program.command('verdict'))
    .description('give an annotated passage a verdict: a rating, a rationale and the sources that settle it')
    .argument('<annotationId>', 'the annotation, as "parallax annotations" prints it')
    .option('--rating <id>', 'the rating (see "parallax verdicts --json" for the notebook’s list)')
    .option('--rationale <text>', 'why, in a sentence or two')
    .option('--claim <text>', 'the claim as you word it (by default the passage itself)')
    .option('--source-article <id>', 'an article of this notebook that settles it (repeatable)', collect)
    .option('--source-url <url>', 'an outside page that settles it, http(s) only (repeatable)', collect)
    .option('--clear', 'take the verdict away (the highlight stays)')
    .action(async (id: string, o: SetOptions, cmd: Command) => {
      if (!o.clear && !o.rating) throw new InvalidArgumentError('give --rating, or --clear to take the verdict away');
      const sources: VerdictSource[] = [
        ...(o.sourceArticle ?? []).map((articleId) => ({ kind: 'article' as const, articleId })),
        ...(o.sourceUrl ?? []).map((url) => ({ kind: 'link' as const, url })),
      ];
      const verdict = o.clear ? null : { rating: o.rating!, rationale: o.rationale ?? '', claim: o.claim, sources };
      const result = await ctx.call(cmd, 'verdicts.set', { id, verdict });
      const now = result.annotation.verdict;
      ctx.print(cmd, result, now ? `Verdict on [${id}]: ${now.rating}\n` : `Verdict on [${id}] cleared\n`);
    });
}
