import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ArticleDetail, ImportReport } from '../../../contract';
import { sortKeys } from '../../../contract/articles';
import type { CommandContext } from '../cli-program';
import { wholeNumber } from '../arguments';
import { CliExit } from '../cli-io';
import { addGlobalOptions } from '../cli-program';
import { formatImport, formatList, formatShow } from '../format';

/** An argument of `import` that names a web address rather than a file: it starts with a scheme and `//`. */
const isWebAddress = (arg: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);

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
        'also W3C annotation files (.jsonld, .jsonl, .json) and Parallax backups (.zip); ' +
        'and web addresses (http:// or https://): the page or PDF is fetched (up to 20 MB, 30 s, 8 redirects) and kept as a snapshot with its address',
    )
    .argument(
      '<path-or-address...>',
      'files, or folders (read recursively for the article and .jsonld/.jsonl types; hidden entries skipped), or web addresses (https://…); a file named here with another extension is read as plain text',
    )
    .action(async (args: string[], _opts: unknown, cmd: Command) => {
      const addresses = args.filter(isWebAddress);
      const paths = args.filter((a) => !isWebAddress(a));
      const report = await ctx.session(cmd, { write: true, holder: 'parallax import' }, async (call) => {
        const r: ImportReport = paths.length
          ? await call('articles.importPaths', { paths: paths.map((p) => resolve(p)) })
          : { imported: [], duplicates: [], errors: [] };
        // Each address is fetched and imported on its own: one that cannot be reached is reported like a file
        // that cannot be read, and the others are still imported.
        for (const url of addresses) {
          try {
            const got = await call('articles.importUrl', { url });
            if (got.duplicate) r.duplicates.push({ file: got.url, id: got.id });
            else r.imported.push({ id: got.id, file: got.url, title: got.title });
          } catch (e) {
            if (!(e instanceof CliExit)) throw e;
            r.errors.push({ file: url, code: e.code, message: e.message });
          }
        }
        return r;
      });
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
