import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Zippable } from 'fflate';
import type { Emit, ExportedFile, ExportFormat, ExportOptions, ExportScope, ExportWritten } from '../../contract';
import { AppError, clip, clipPath } from '../../contract/errors';
import { annotationCount } from '../../core/export/export-article';
import { extensionOf, fileNameProblem, mimeOf, slugify } from '../../core/export/file-names';
import type { RenderedFile, TextFormat } from '../../core/export/render-export';
import { ORIGINALS_FOLDER, renderExport, renderToStrings } from '../../core/export/render-export';
import { RatingFile } from '../verdicts/rating-file';
import type { ScopeResolvers } from '../../core/export/scope';
import { createBackup } from '../backup/backup-archive';
import type { NotebookStore } from '../store/notebook-store';
import { collectArticles } from './collect-articles';
import { originalBytes } from './export-originals';
import type { PdfRenderer } from './pdf-chromium';
import { pathExists } from '../path-exists';

export type ExportDeps = { store: NotebookStore; emit: Emit; resolvers: ScopeResolvers; pdf: PdfRenderer };
export type ExportRequest = { format: ExportFormat; scope: ExportScope; options: ExportOptions };

/** Exports handed back by value travel as base64 through IPC or HTTP; bigger ones go to a folder. */
export const MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024;

export function defaultBaseName(format: ExportFormat, scope: ExportScope, now = new Date()): string {
  const what = scope.story
    ? `story-${slugify(scope.story, 40)}`
    : scope.tag
      ? `tag-${slugify(scope.tag, 40)}`
      : scope.query
        ? 'search'
        : format === 'backup'
          ? 'backup'
          : format === 'claimreview'
            ? 'verdicts'
            : 'notes';
  return `parallax-${what}-${now.toISOString().slice(0, 10)}`;
}

/** The base name (no extension) for a user-given name: checked strictly, its extension dropped if it is the format's. */
export function baseNameFrom(name: string, format: ExportFormat, jsonLines: boolean): string {
  const problem = fileNameProblem(name);
  if (problem) throw new AppError('BAD_INPUT', problem);
  const ext = format === 'w3c' && jsonLines ? '.jsonl' : extensionOf[format]!;
  return name.toLowerCase().endsWith(ext) ? name.slice(0, -ext.length) : name;
}

async function renderText(deps: ExportDeps, req: ExportRequest, baseName: string) {
  const { articles, title, story } = await collectArticles(deps.store, req.format, req.scope, req.options, deps.resolvers, deps.emit);
  const settings = {
    ...req.options,
    title,
    generatedAt: new Date().toISOString(),
    collectionId: `urn:parallax:export:${randomBytes(8).toString('hex')}`,
    comparison: story?.comparison,
    ratings: await new RatingFile(deps.store).list(),
    sourceArticle: (id: string) => deps.store.entry(id),
  };
  const format: TextFormat = req.format === 'pdf' ? 'html' : (req.format as TextFormat);
  return { files: renderExport(format, articles, settings, baseName), articles: articles.length, notes: annotationCount(articles) };
}

/** Check the chosen folder: absolute, existing, a folder, and not inside the notebook. Returns its real path. */
async function checkFolder(folder: string, notebookRoot: string): Promise<string> {
  if (!isAbsolute(folder)) throw new AppError('BAD_INPUT', `${clipPath(folder)} is not an absolute path`);
  let real: string;
  try {
    real = await realpath(folder);
    if (!(await stat(real)).isDirectory()) throw new AppError('BAD_INPUT', `${clipPath(folder)} is not a folder`);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', `The folder ${clipPath(folder)} does not exist`);
  }
  const nb = await realpath(notebookRoot);
  if (real === nb || real.startsWith(nb + sep)) throw new AppError('BAD_INPUT', 'Choose a folder outside the notebook for exports');
  return real;
}

/** A file inside `folder` (or its originals/ folder), refusing anything that would land elsewhere. */
function inside(folder: string, name: string): string {
  const path = resolve(folder, name);
  const rel = relative(folder, path);
  const parts = rel.split(sep);
  const allowed = parts.length === 1 || (parts.length === 2 && parts[0] === ORIGINALS_FOLDER);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || !allowed || parts.some((p) => !p || p === '.' || p === '..'))
    throw new AppError('BAD_INPUT', `${clipPath(name)} would be written outside ${clipPath(folder)}`);
  return path;
}

/** Copy an article's original into the export folder, through a partial file, as every export file is written. */
async function writeOriginal(store: NotebookStore, articleId: string, path: string): Promise<number> {
  const bytes = await originalBytes(store, articleId);
  const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(partial, bytes);
    await rename(partial, path);
    return bytes.length;
  } catch (e) {
    await rm(partial, { force: true });
    throw new AppError('IO_ERROR', `Could not write ${clipPath(path)}: ${clip((e as Error).message)}`);
  }
}

async function writeStreamed(file: RenderedFile, path: string, progress: () => void): Promise<number> {
  const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
  const out = createWriteStream(partial);
  let bytes = 0;
  try {
    for (const piece of file.pieces()) {
      if (!piece.text) continue;
      const buf = Buffer.from(piece.text, 'utf8');
      bytes += buf.length;
      if (!out.write(buf)) await once(out, 'drain');
      if (piece.article) progress();
    }
    out.end();
    await once(out, 'finish');
    await rename(partial, path);
    return bytes;
  } catch (e) {
    out.destroy();
    await rm(partial, { force: true });
    throw new AppError('IO_ERROR', `Could not write ${clipPath(path)}: ${clip((e as Error).message)}`);
  }
}

/** Write an export into a folder the user chose (CLI `--out`, a desktop save dialog), streamed to disk. */
export async function exportToFolder(
  deps: ExportDeps,
  req: ExportRequest,
  folder: string,
  name: string | undefined,
  overwrite: boolean,
): Promise<ExportWritten> {
  const dir = await checkFolder(folder, deps.store.layout.root);
  const base = name ? baseNameFrom(name, req.format, req.options.jsonLines) : defaultBaseName(req.format, req.scope);
  const refuseExisting = async (path: string) => {
    if (overwrite) return;
    const exists = await pathExists(path);
    if (exists) throw new AppError('CONFLICT', `${clipPath(path)} already exists; choose another name or allow overwriting (--force)`);
  };

  if (req.format === 'backup') {
    const path = inside(dir, `${base}.zip`);
    await refuseExisting(path);
    const r = await deps.store.runExclusive(() =>
      createBackup(deps.store.layout.root, path, (done, total) => deps.emit('export.progress', { phase: 'write', done, total })),
    );
    return { files: [path], bytes: r.bytes, articleCount: deps.store.size, annotationCount: 0 };
  }
  if (req.format === 'pdf') {
    const { files, articles, notes } = await renderText(deps, req, base);
    const path = inside(dir, `${base}.pdf`);
    await refuseExisting(path);
    const pdf = await printPdf(deps, files);
    const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
    await writeFile(partial, pdf);
    await rename(partial, path);
    return { files: [path], bytes: pdf.length, articleCount: articles, annotationCount: notes };
  }
  const { files, articles, notes } = await renderText(deps, req, base);
  const paths = files.map((f) => inside(dir, f.name));
  for (const p of paths) await refuseExisting(p);
  // Every original is checked before anything is written: a damaged one refuses the export, not half of it.
  for (const f of files) if (f.original) await originalBytes(deps.store, f.original.articleId);
  let done = 0;
  let bytes = 0;
  const total = articles;
  for (const [i, f] of files.entries()) {
    if (f.original) {
      bytes += await writeOriginal(deps.store, f.original.articleId, paths[i]!);
      continue;
    }
    bytes += await writeStreamed(f, paths[i]!, () => {
      done++;
      if (done % 50 === 0 || done === total) deps.emit('export.progress', { phase: 'write', done, total });
    });
  }
  return { files: paths, bytes, articleCount: articles, annotationCount: notes };
}

async function printPdf(deps: ExportDeps, files: RenderedFile[]): Promise<Uint8Array> {
  const html = [...renderToStrings(files).values()][0]!;
  deps.emit('export.progress', { phase: 'pdf', done: 0, total: 1 });
  const pdf = await deps.pdf(html);
  deps.emit('export.progress', { phase: 'pdf', done: 1, total: 1 });
  return pdf;
}

const tooLargeToDownload = (bytes: number) =>
  new AppError('TOO_LARGE', `This export is ${(bytes / 1048576).toFixed(0)} MB; export it to a folder instead (parallax export --out)`);

/** An export handed back by value, for the app to download. Per-article Markdown comes as one zip. */
export async function exportToDownload(deps: ExportDeps, req: ExportRequest): Promise<ExportedFile> {
  const base = defaultBaseName(req.format, req.scope);
  let bytes: Uint8Array;
  let fileName: string;
  let mime: string;
  let articles: number;
  let notes = 0;
  if (req.format === 'backup') {
    const tmp = join(deps.store.layout.tmp, `${base}-${randomBytes(4).toString('hex')}.zip`);
    try {
      await deps.store.runExclusive(() => createBackup(deps.store.layout.root, tmp));
      bytes = await readFile(tmp);
    } finally {
      await rm(tmp, { force: true });
    }
    fileName = `${base}.zip`;
    mime = mimeOf.backup!;
    articles = deps.store.size;
  } else {
    const r = await renderText(deps, req, base);
    articles = r.articles;
    notes = r.notes;
    if (req.format === 'pdf') {
      bytes = await printPdf(deps, r.files);
      fileName = `${base}.pdf`;
      mime = mimeOf.pdf!;
    } else if (r.files.length > 1) {
      const texts = r.files.filter((f) => !f.original);
      const entries: Zippable = {};
      for (const [n, t] of renderToStrings(texts)) entries[`${base}/${n}`] = strToU8(t);
      let size = 0;
      for (const f of r.files) {
        if (!f.original) continue;
        const original = await originalBytes(deps.store, f.original.articleId);
        size += original.length;
        if (size > MAX_DOWNLOAD_BYTES) throw tooLargeToDownload(size);
        // PDFs are compressed already: stored as they are, zipping them again would only cost time.
        entries[`${base}/${f.name}`] = f.name.endsWith('.pdf') ? [original, { level: 0 }] : original;
      }
      bytes = zipSync(entries);
      fileName = `${base}.zip`;
      mime = mimeOf.zip!;
    } else {
      const [[name, text]] = [...renderToStrings(r.files)] as [[string, string]];
      bytes = Buffer.from(text, 'utf8');
      fileName = name;
      mime = req.format === 'w3c' && req.options.jsonLines ? mimeOf.jsonl! : mimeOf[req.format]!;
    }
  }
  if (bytes.length > MAX_DOWNLOAD_BYTES) throw tooLargeToDownload(bytes.length);
  return {
    fileName,
    mime,
    contentBase64: Buffer.from(bytes).toString('base64'),
    bytes: bytes.length,
    articleCount: articles,
    annotationCount: notes,
  };
}
