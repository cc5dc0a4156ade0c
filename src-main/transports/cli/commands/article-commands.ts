import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ArticleDetail } from '../../../contract';
import { sortKeys } from '../../../contract';
import type { CommandContext } from '../cli-program';
import { wholeNumber } from '../arguments';
import { addGlobalOptions } from '../cli-program';
import { formatImport, formatList, formatShow } from '../format';

/** `init`, `import`, `list`, `show`: thin wrappers that call the API and print its answer. */
export function registerArticleCommands(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('init'))
    .description('create a notebook (empty, or with the five sample articles)')
    .option('--sample', 'add the sample articles (Turkish–Syrian security talks, 12 Oct 2025)')
    .action(async (opts: { sample?: boolean }, cmd: Command) => {
      const result = await ctx.session(cmd, { write: true, create: true, holder: 'parallax init' }, async (call) => {
        const sample = opts.sample ? await call('notebook.importSample', {}) : null;
        const info = await call('notebook.info', {});
        return { path: info.path, articleCount: info.articleCount, sample };
      });
      const sampleNote = result.sample ? `, ${result.sample.imported.length} sample article(s) added` : '';
      ctx.print(cmd, result, `Notebook ready at ${result.path} (${result.articleCount} article(s)${sampleNote})\n`);
    });

  addGlobalOptions(program.command('import'))
    .description(
      'import articles: plain text (.txt, .text), saved web pages (.html, .htm, .xhtml) and Markdown (.md, .markdown), ' +
        'UTF-8, UTF-16 or Windows-1252; PDFs (.pdf, from their text layer, up to 100 MB); ' +
        'also W3C annotation files (.jsonld, .jsonl, .json) and Parallax backups (.zip)',
    )
    .argument(
      '<path...>',
      'files, or folders (read recursively for the article and .jsonld/.jsonl types; hidden entries skipped); a file named here with another extension is read as plain text',
    )
    .action(async (paths: string[], _opts: unknown, cmd: Command) => {
      const report = await ctx.call(cmd, 'articles.importPaths', { paths: paths.map((p) => resolve(p)) });
      ctx.print(cmd, report, formatImport(report));
      if (report.errors.length) ctx.setExitCode(1);
    });

  addGlobalOptions(program.command('list'))
    .description('list the articles in the notebook')
    .option('--sort <key>', `sort by ${sortKeys.join(', ')}`, 'date')
    .option('--filter <text>', 'only articles whose title, outlet, author or tags contain every word')
    .option('--limit <n>', 'at most this many', wholeNumber(1, 200_000))
    .action(async (opts: { sort: string; filter?: string; limit?: number }, cmd: Command) => {
      const { items } = await ctx.call(cmd, 'articles.list', { sort: opts.sort, filter: opts.filter, limit: opts.limit });
      const rows = items.map(({ id, title, outlet, publishedAt, language, author, url, tags, wordCount, file }) => ({
        id,
        title,
        outlet,
        publishedAt,
        language,
        author,
        url,
        tags,
        wordCount,
        file,
      }));
      ctx.print(cmd, rows, formatList(items));
    });

  addGlobalOptions(program.command('show'))
    .description('show one article: metadata, clean text, and (with --json) boilerplate and raw text')
    .argument('<id>', 'article id, as "parallax list" prints it (ids are made at import: every notebook has its own)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const a: ArticleDetail = await ctx.call(cmd, 'articles.get', { id });
      const { blocks: _blocks, ...rest } = a;
      ctx.print(cmd, rest, formatShow(a));
    });
}
