import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Emit } from '../../../contract';
import { citationStyles, exportFormats } from '../../../contract';
import { resolveNotebookDir } from '../../../services/app-paths';
import { CliExit } from '../cli-io';
import type { CommandContext } from '../cli-program';
import { addGlobalOptions } from '../cli-program';

type ExportOpts = {
  format: string;
  out: string;
  article?: string[];
  tag?: string;
  story?: string;
  query?: string;
  layout: string;
  includeText?: boolean;
  style: string;
  bom?: boolean;
  jsonl?: boolean;
  annotatedOnly?: boolean;
  force?: boolean;
  pageUrl?: string;
  author?: string;
  authorUrl?: string;
};

const isDir = (p: string) =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** `export`, `backup`, `restore`: exports written to disk, streamed, through the same API as the app. */
export function registerExportCommands(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('export'))
    .description(
      'export notes and citations: Markdown, HTML, PDF, CSV, W3C JSON-LD, CSL-JSON, BibTeX, RIS, ClaimReview JSON-LD, or a backup',
    )
    .addOption(new Option('--format <format>', 'what to write').choices([...exportFormats]).makeOptionMandatory())
    .requiredOption('--out <path>', 'file to write, or a folder (a folder is needed for --layout per-article)')
    .option('--article <id...>', 'only these articles (repeatable)')
    .option('--tag <tag>', 'only articles and passages with this tag (parents include children: claim takes claim/quote)')
    .option('--story <story>', 'only the articles of this story')
    .option('--query <query>', 'only the articles this search finds')
    .addOption(
      new Option('--layout <layout>', 'Markdown: one combined file or one per article')
        .choices(['combined', 'per-article'])
        .default('combined'),
    )
    .option('--include-text', 'Markdown/HTML/PDF: add each article’s clean text')
    .addOption(new Option('--style <style>', 'formatted references in Markdown/HTML/PDF').choices([...citationStyles]).default('apa'))
    .option('--bom', 'CSV: start with a UTF-8 byte order mark (for old Excel)')
    .option('--jsonl', 'W3C: JSON Lines, one annotation per line')
    .option('--annotated-only', 'leave out articles without annotations')
    .option('--page-url <url>', 'ClaimReview: the page the fact-checks are published on (each review links to it)')
    .option('--author <name>', 'ClaimReview: who publishes the fact-checks')
    .option('--author-url <url>', 'ClaimReview: the publisher’s web address')
    .option('--force', 'overwrite existing files')
    .action(async (o: ExportOpts, cmd: Command) => {
      const out = resolve(o.out);
      let folder: string;
      let name: string | undefined;
      if (await isDir(out)) folder = out;
      else if (o.format === 'md' && o.layout === 'per-article') {
        if (!(await isDir(dirname(out)))) throw new CliExit('NOT_FOUND', `The folder ${dirname(out)} does not exist`);
        await mkdir(out);
        folder = out;
      } else {
        folder = dirname(out);
        name = basename(out);
      }
      const scope = { articleIds: o.article, tag: o.tag, story: o.story, query: o.query };
      const options = {
        layout: o.layout,
        includeText: Boolean(o.includeText),
        citationStyle: o.style,
        bom: Boolean(o.bom),
        jsonLines: Boolean(o.jsonl),
        annotatedOnly: Boolean(o.annotatedOnly),
        ...(o.format === 'claimreview' ? { claimReview: { pageUrl: o.pageUrl, authorName: o.author, authorUrl: o.authorUrl } } : {}),
      };
      const json = ctx.options(cmd).json;
      const shown = new Map<string, number>();
      // Progress on stderr in tenths, so a long export shows it is moving without flooding the terminal.
      const emit: Emit = (event, payload) => {
        if (event !== 'export.progress' || json) return;
        const p = payload as { phase: string; done: number; total: number };
        const tenth = p.total ? Math.floor((10 * p.done) / p.total) : 10;
        if (p.total >= 500 && shown.get(p.phase) !== tenth) {
          shown.set(p.phase, tenth);
          ctx.io.err(`${p.phase === 'read' ? 'reading' : p.phase === 'pdf' ? 'printing' : 'writing'} ${p.done}/${p.total}\n`);
        }
      };
      const result = await ctx.session(cmd, { write: false, holder: 'parallax export', emit }, (call) =>
        call('export.write', { format: o.format, scope, options, folder, name, overwrite: Boolean(o.force) }),
      );
      const files = result.files.length > 3 ? `${result.files.length} files in ${folder}` : result.files.join(', ');
      ctx.print(
        cmd,
        result,
        `Wrote ${files} (${result.articleCount} article(s), ${result.annotationCount} annotation(s), ${result.bytes} bytes)\n`,
      );
    });

  addGlobalOptions(program.command('backup'))
    .description('back up the whole notebook as one archive (into <notebook>/backups/, or --out)')
    .option('--out <file>', 'write the archive here instead')
    .option('--force', 'overwrite an existing file')
    .action(async (o: { out?: string; force?: boolean }, cmd: Command) => {
      if (o.out) {
        const out = resolve(o.out);
        const [folder, name] = (await isDir(out)) ? [out, undefined] : [dirname(out), basename(out)];
        const r = await ctx.call(cmd, 'export.write', { format: 'backup', folder, name, overwrite: Boolean(o.force) });
        ctx.print(cmd, r, `Backup written to ${r.files[0]} (${r.articleCount} article(s), ${r.bytes} bytes)\n`);
      } else {
        const r = await ctx.call(cmd, 'backup.create', {});
        ctx.print(cmd, r, `Backup written to ${r.path} (${r.files} files, ${r.bytes} bytes)\n`);
      }
    });

  addGlobalOptions(program.command('restore'))
    .description('restore a backup archive into a new or empty notebook folder (given with --notebook)')
    .argument('<archive>', 'a backup made by "parallax backup" or "parallax export --format backup"')
    .action(async (archive: string, _o: unknown, cmd: Command) => {
      const target = ctx.options(cmd).notebook;
      if (!target) throw new CliExit('BAD_INPUT', 'give the folder to restore into with --notebook DIR (a new or empty folder)', 2);
      const dir = resolveNotebookDir(target, ctx.io.env);
      // The archive reader (fflate) loads for a restore only.
      const { restoreBackup } = await import('../../../services/backup/backup-archive');
      const r = await restoreBackup(resolve(archive), dir);
      ctx.print(cmd, { path: dir, ...r }, `Restored ${r.files} file(s) (${r.bytes} bytes) into ${dir}\n`);
    });
}
