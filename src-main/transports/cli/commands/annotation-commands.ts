import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { anchorStatuses, annotationSorts, highlightColors } from '../../../contract';
import type { CommandContext } from '../cli-program';
import { addGlobalOptions } from '../cli-program';
import { formatAnnotation, formatAnnotations } from './annotation-format';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const oneOf = (allowed: readonly string[], what: string) => (value: string) => {
  if (!allowed.includes(value)) throw new InvalidArgumentError(`${what} must be one of ${allowed.join(', ')}`);
  return value;
};

type AnnotateOptions = { quote: string; prefix?: string; suffix?: string; note?: string; tag?: string[]; color?: string };
type ListOptions = { article?: string; tag?: string; color?: string; outlet?: string; text?: string; status?: string; sort: string };

/** `annotate` and `annotations`: highlight a quoted passage from the shell, and list annotations. */
export function registerAnnotationCommands(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('annotate'))
    .description('highlight a passage of an article, found by its exact text')
    .argument('<articleId>', 'article id, as "parallax list" prints it (ids are made at import: every notebook has its own)')
    .requiredOption('--quote <text>', 'the exact text of the passage')
    .option('--prefix <text>', 'text right before the passage, when the quote occurs more than once')
    .option('--suffix <text>', 'text right after the passage, when the quote occurs more than once')
    .option('--note <markdown>', 'a note, in Markdown')
    .option('--tag <tag>', 'a tag (repeat for several; hierarchical with "/", e.g. claim/attribution)', collect)
    .addOption(new Option('--color <color>', 'highlight colour').choices([...highlightColors]).default('yellow'))
    .action(async (articleId: string, o: AnnotateOptions, cmd: Command) => {
      const annotation = await ctx.call(cmd, 'annotations.create', {
        articleId,
        target: { quote: { exact: o.quote, prefix: o.prefix, suffix: o.suffix } },
        note: o.note ?? '',
        tags: o.tag ?? [],
        color: o.color,
      });
      ctx.print(cmd, annotation, formatAnnotation(annotation));
    });

  addGlobalOptions(program.command('annotations'))
    .description('list annotations, across the notebook or for one article')
    .option('--article <id>', 'only this article')
    .option('--tag <tag>', 'only passages with this tag or one of its children')
    .option('--color <color>', 'only this colour', oneOf(highlightColors, 'the colour'))
    .option('--outlet <name>', 'only articles from this outlet')
    .option('--text <words>', 'only passages whose quote, note or tags contain every word')
    .option('--status <status>', `only ${anchorStatuses.join(', ')} annotations`, oneOf(anchorStatuses, 'the status'))
    .option('--sort <key>', `sort by ${annotationSorts.join(', ')}`, oneOf(annotationSorts, 'the sort key'), 'position')
    .action(async (o: ListOptions, cmd: Command) => {
      const result = await ctx.call(cmd, 'annotations.list', {
        articleId: o.article,
        tag: o.tag,
        color: o.color,
        outlet: o.outlet,
        text: o.text,
        status: o.status,
        sort: o.sort,
      });
      ctx.print(cmd, result.items, formatAnnotations(result.items));
    });
}
