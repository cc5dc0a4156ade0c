import { mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callHandler } from '../../../tests/helpers/api';
import { cli } from '../../../tests/helpers/run-cli';
import {
  makeEncryptedPdf,
  makePdf,
  makeScannedPdf,
  makeShiftedXrefPdf,
  makeTruncatedPdf,
  proseLines,
} from '../../../tests/helpers/pdf-fixtures';
import type { PdfOptions } from '../../../tests/helpers/pdf-fixtures';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openBackend } from '../backend';
import { readSnapshot } from '../store/snapshot-files';

const tempDir = useTempDirs();

async function freshBackend() {
  const dir = tempDir();
  return { dir, backend: await openBackend(join(dir, 'nb'), { create: true, durability: 'none' }) };
}

/** Every file under the notebook (but tmp/), byte for byte, so a test can prove a refused import changed nothing. */
function onDisk(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(p).toString('base64');
    }
  };
  walk(root);
  return out;
}

const report: PdfOptions = {
  title: 'Floods on the Northern Shore',
  author: 'Harbour Authority',
  created: new Date('2025-10-12T09:00:00Z'),
  pages: [1, 2, 3].map((p) => ({
    header: 'Harbour Authority Annual Report 2025',
    footer: `Page ${p} of 3`,
    lines: [...proseLines(10, p), { text: `Unique closing words of page ${p}.` }],
  })),
};

describe('importing PDFs', () => {
  it('imports a PDF by path, from a folder and as an upload, with its snapshot', async () => {
    const { dir, backend } = await freshBackend();
    const bytes = await makePdf(report);
    const folder = join(dir, 'in');
    mkdirSync(folder);
    writeFileSync(join(folder, 'report.pdf'), bytes);
    const byFolder = await callHandler(backend.handlers, 'articles.importPaths', { paths: [folder] });
    expect(byFolder.ok && byFolder.value.errors).toEqual([]);
    const id = byFolder.ok ? byFolder.value.imported[0]!.id : '';
    expect(byFolder.ok && byFolder.value.imported[0]!.title).toBe('Floods on the Northern Shore');

    const article = await backend.store.readArticle(id);
    expect(article.format).toBe('pdf');
    expect(article.analysis.meta.publishedAt).toMatchObject({ value: '2025-10-12', source: 'file' });
    expect(article.analysis.body).toContain('Unique closing words of page 3.');
    expect(article.analysis.body).not.toContain('Page 2 of 3');
    expect(article.analysis.blocks.filter((b) => b.kind === 'boilerplate').map((b) => b.reason)).toEqual([
      'running header, on 3 of 3 pages',
      'page number (page 1)',
      'page number (page 2)',
      'page number (page 3)',
    ]);

    const snap = await readSnapshot(backend.store, id);
    expect(snap?.meta).toMatchObject({ kind: 'pdf', url: null, size: bytes.length, file: join(folder, 'report.pdf') });
    expect(Buffer.compare(snap!.bytes, Buffer.from(bytes))).toBe(0);
    const snapDir = join(dir, 'nb', 'snapshots', id.slice(0, 2));
    expect(statSync(join(snapDir, `${id}.pdf`)).mode & 0o777).toBe(0o600);
    expect(statSync(join(snapDir, `${id}.json`)).mode & 0o777).toBe(0o600);
    expect(statSync(snapDir).mode & 0o777).toBe(0o700);

    // The same file again, by path and as an upload: a duplicate, and no second snapshot.
    const again = await callHandler(backend.handlers, 'articles.importPaths', { paths: [join(folder, 'report.pdf')] });
    expect(again.ok && again.value.duplicates).toEqual([{ file: join(folder, 'report.pdf'), id }]);
    const upload = await callHandler(backend.handlers, 'articles.importFiles', {
      files: [{ name: 'report.pdf', contentBase64: Buffer.from(bytes).toString('base64') }],
    });
    expect(upload.ok && upload.value.duplicates).toEqual([{ file: 'report.pdf', id }]);
    expect(readdirSync(snapDir)).toEqual([`${id}.json`, `${id}.pdf`]);
    expect(readdirSync(join(dir, 'nb', 'tmp'))).toEqual([]);
  });

  it('imports a PDF from the command line, and refuses a scan there with its reason and exit code', async () => {
    const dir = tempDir();
    const nb = join(dir, 'nb');
    expect((await cli(['init', '--notebook', nb])).code).toBe(0);
    writeFileSync(join(dir, 'report.pdf'), await makePdf(report));
    writeFileSync(join(dir, 'scan.pdf'), await makeScannedPdf());
    const ok = await cli(['import', join(dir, 'report.pdf'), '--notebook', nb, '--json']);
    expect(ok.code).toBe(0);
    expect((ok.json() as { imported: Array<{ title: string }> }).imported.map((a) => a.title)).toEqual(['Floods on the Northern Shore']);
    const refused = await cli(['import', join(dir, 'scan.pdf'), '--notebook', nb]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/scan\.pdf has no text layer/);
  });

  it('reads a PDF uploaded under another name by its %PDF- header', async () => {
    const { backend } = await freshBackend();
    const bytes = await makePdf({ pages: [{ lines: proseLines(8, 4) }] });
    const r = await callHandler(backend.handlers, 'articles.importFiles', { files: [{ name: 'download', contentBase64: Buffer.from(bytes).toString('base64') }] });
    expect(r.ok && r.value.imported).toHaveLength(1);
    expect((await backend.store.readArticle(r.ok ? r.value.imported[0]!.id : '')).format).toBe('pdf');
  });

  it('mends a PDF whose cross-reference table is damaged (pdf.js rebuilds it)', async () => {
    const { dir, backend } = await freshBackend();
    const file = join(dir, 'shifted.pdf');
    writeFileSync(file, await makeShiftedXrefPdf(report));
    const r = await callHandler(backend.handlers, 'articles.importPaths', { paths: [file] });
    expect(r.ok && r.value.errors).toEqual([]);
    expect(r.ok && r.value.imported[0]!.title).toBe('Floods on the Northern Shore');
  });

  it('refuses a scan, a password, a broken file and a file over 100 MB, each with its reason, and changes nothing', async () => {
    const { dir, backend } = await freshBackend();
    await callHandler(backend.handlers, 'notebook.importSample', {});
    await backend.store.flush();
    const before = onDisk(join(dir, 'nb'));
    const files = {
      'scan.pdf': await makeScannedPdf(),
      'locked.pdf': await makeEncryptedPdf(),
      'cut.pdf': await makeTruncatedPdf(),
      'fake.pdf': Buffer.from('this is not a PDF at all\n'),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const huge = join(dir, 'huge.pdf');
    writeFileSync(huge, '%PDF-1.7\n');
    truncateSync(huge, 101 * 1024 * 1024);
    const paths = [...Object.keys(files).map((n) => join(dir, n)), huge];
    const r = await callHandler(backend.handlers, 'articles.importPaths', { paths });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.imported).toEqual([]);
    const byFile = Object.fromEntries(r.value.errors.map((e) => [e.file.replace(/^.*\//, ''), `${e.code} ${e.message}`]));
    expect(byFile['scan.pdf']).toMatch(/^UNSUPPORTED .*has no text layer .*scanned document.*cannot read text from images yet/);
    expect(byFile['locked.pdf']).toMatch(/^UNSUPPORTED .*protected by a password/);
    expect(byFile['cut.pdf']).toMatch(/^UNREADABLE .*damaged PDF.*nothing was imported/);
    expect(byFile['fake.pdf']).toMatch(/^UNREADABLE .*is not a PDF/);
    expect(byFile['huge.pdf']).toMatch(/^TOO_LARGE .*101\.0 MB; the limit for a PDF is 100 MB/);
    // The same refusals as uploads (the app's dialog and drag and drop).
    const up = await callHandler(backend.handlers, 'articles.importFiles', {
      files: Object.entries(files).map(([name, bytes]) => ({ name, contentBase64: Buffer.from(bytes).toString('base64') })),
    });
    expect(up.ok && up.value.errors.map((e) => e.code)).toEqual(['UNSUPPORTED', 'UNSUPPORTED', 'UNREADABLE', 'UNREADABLE']);
    await backend.store.flush();
    expect(onDisk(join(dir, 'nb'))).toEqual(before);
  });

  it('refuses a PDF as the new text of an article (re-import), leaving the article as it was', async () => {
    const { backend } = await freshBackend();
    const sample = await callHandler(backend.handlers, 'notebook.importSample', {});
    const id = sample.ok ? sample.value.imported[0]!.id : '';
    const before = JSON.stringify(await backend.store.readArticle(id));
    const pdf = await makePdf({ pages: [{ lines: proseLines(8, 4) }] });
    const r = await callHandler(backend.handlers, 'articles.replaceText', {
      id,
      source: 'reimport',
      file: 'new.pdf',
      contentBase64: Buffer.from(pdf).toString('base64'),
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('UNSUPPORTED');
    expect(JSON.stringify(await backend.store.readArticle(id))).toBe(before);
  });
});
