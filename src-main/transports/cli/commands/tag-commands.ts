import type { Command } from 'commander';
import type { TagChange } from '../../../contract';
import type { CommandContext } from '../cli-program';
import { addGlobalOptions } from '../cli-program';
import { formatTags } from './annotation-format';

const changed = (c: TagChange) => `${c.articles} article(s) and ${c.passages} passage(s) changed\n`;

/** `tag` (tags on one article) and `tags` (the tag manager: list, rename, merge, colour, delete). */
export function registerTagCommands(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('tag'))
    .description('add tags to an article (or remove them with --remove)')
    .argument('<articleId>', 'article id, as "parallax list" prints it (ids are made at import: every notebook has its own)')
    .argument('<tags...>', 'tags; hierarchical with "/", e.g. topic/security')
    .option('--remove', 'remove these tags instead of adding them')
    .action(async (id: string, tags: string[], o: { remove?: boolean }, cmd: Command) => {
      const summary = await ctx.call(cmd, 'articles.tag', o.remove ? { id, remove: tags } : { id, add: tags });
      ctx.print(cmd, summary, `${summary.id}  ${summary.title}\n  tags: ${summary.tags.join(', ') || '(none)'}\n`);
    });

  const tags = program.command('tags').description('list and manage tags');
  addGlobalOptions(tags.command('list', { isDefault: true }))
    .description('every tag with its article and passage counts (children included)')
    .action(async (_o: unknown, cmd: Command) => {
      const { tags: list } = await ctx.call(cmd, 'tags.list', {});
      ctx.print(cmd, list, formatTags(list));
    });
  addGlobalOptions(tags.command('rename'))
    .description('rename a tag everywhere; its children move with it')
    .argument('<from>')
    .argument('<to>')
    .action(async (from: string, to: string, _o: unknown, cmd: Command) => {
      const c = await ctx.call(cmd, 'tags.rename', { from, to });
      ctx.print(cmd, c, changed(c));
    });
  addGlobalOptions(tags.command('merge'))
    .description('merge tags into one')
    .argument('<from...>', 'tags to merge away')
    .requiredOption('--into <tag>', 'the tag they become')
    .action(async (from: string[], o: { into: string }, cmd: Command) => {
      const c = await ctx.call(cmd, 'tags.merge', { from, into: o.into });
      ctx.print(cmd, c, changed(c));
    });
  addGlobalOptions(tags.command('color'))
    .description('set a tag colour (#rrggbb), or "none" to clear it')
    .argument('<tag>')
    .argument('<color>')
    .action(async (tag: string, color: string, _o: unknown, cmd: Command) => {
      const c = await ctx.call(cmd, 'tags.recolour', { tag, color: color === 'none' ? null : color });
      ctx.print(cmd, c, `${tag}: ${color}\n`);
    });
  addGlobalOptions(tags.command('delete'))
    .description('remove a tag and its children from every article and passage')
    .argument('<tag>')
    .action(async (tag: string, _o: unknown, cmd: Command) => {
      const c = await ctx.call(cmd, 'tags.delete', { tag });
      ctx.print(cmd, c, changed(c));
    });
}
