import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callHandler } from '../../../tests/helpers/api';
import { makePdf, proseLines } from '../../../tests/helpers/pdf-fixtures';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openBackend } from '../backend';
import { restoreBackup } from '../backup/backup-archive';
import { readSnapshot, saveSnapshot, snapshotPaths } from './snapshot-files';

const tempDir = useTempDirs();

async function withPdf() {
  const dir = tempDir();
  const backend = await openBackend(join(dir, 'nb'), { create: true, durability: 'none' });
  const bytes = await makePdf({ title: 'Harbour report', pages: [{ lines: proseLines(10, 7) }] });
  writeFileSync(join(dir, 'report.pdf'), bytes);
  const r = await callHandler(backend.handlers, 'articles.importPaths', { paths: [join(dir, 'report.pdf')] });
  if (!r.ok) throw new Error(r.error.message);
  return { dir, backend, bytes, id: r.value.imported[0]!.id };
}

describe('snapshots', () => {
  it('are given by articles.snapshot: the description alone, or with the PDF itself', async () => {
    const { backend, bytes, id } = await withPdf();
    const meta = await callHandler(backend.handlers, 'articles.snapshot', { id });
    expect(meta.ok && meta.value).toMatchObject({ snapshot: { kind: 'pdf', url: null, size: bytes.length }, content: null });
    const full = await callHandler(backend.handlers, 'articles.snapshot', { id, content: true });
    expect(full.ok && full.value.content).toEqual({ kind: 'pdf', base64: Buffer.from(bytes).toString('base64') });
    const none = await callHandler(backend.handlers, 'notebook.importSample', {});
    const plain = none.ok ? none.value.imported[0]!.id : '';
    expect(await callHandler(backend.handlers, 'articles.snapshot', { id: plain, content: true })).toEqual({ ok: true, value: { snapshot: null, content: null } });
    const missing = await callHandler(backend.handlers, 'articles.snapshot', { id: 'ffffffffffffffff' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });

  it('keep a page as HTML with its address, shown as a document under a policy that runs nothing', async () => {
    const { backend } = await withPdf();
    const sample = await callHandler(backend.handlers, 'notebook.importSample', {});
    const id = sample.ok ? sample.value.imported[0]!.id : '';
    const page = '<html><body><p onclick="x()">Kept words</p><script>window.__x=1</script><img src="https://tracker.example/p.gif"></body></html>';
    await saveSnapshot(backend.store, id, { kind: 'html', bytes: Buffer.from(page), url: 'https://news.example/a', fetchedAt: '2025-10-13T08:00:00.000Z' });
    const r = await callHandler(backend.handlers, 'articles.snapshot', { id, content: true });
    if (!r.ok || r.value.content?.kind !== 'html') throw new Error('no page snapshot');
    expect(r.value.snapshot).toMatchObject({ kind: 'html', url: 'https://news.example/a', fetchedAt: '2025-10-13T08:00:00.000Z' });
    const html = r.value.content.html;
    expect(html).toContain(`content="default-src 'none'; img-src data:;`);
    expect(html).toContain('Kept words');
    expect(html).not.toMatch(/<script|onclick|tracker\.example/);
    await expect(saveSnapshot(backend.store, 'ffffffffffffffff', { kind: 'html', bytes: Buffer.from('x'), fetchedAt: '2025-10-13T08:00:00.000Z' })).rejects.toThrow(/No article/);
  });

  it('are never shown half: bytes without a description are no snapshot, changed bytes are damage', async () => {
    const { dir, backend, id } = await withPdf();
    const paths = snapshotPaths(join(dir, 'nb'), id, 'pdf');
    const bytes = readFileSync(paths.data);
    writeFileSync(paths.data, Buffer.concat([bytes.subarray(0, 100), Buffer.from('x'), bytes.subarray(101)]));
    const damaged = await callHandler(backend.handlers, 'articles.snapshot', { id, content: true });
    expect(damaged.ok ? 'ok' : `${damaged.error.code} ${damaged.error.message}`).toMatch(/^CORRUPT .*not the file that was saved/);
    // A kill between the bytes and the description (the commit point) leaves bytes nobody shows.
    rmSync(paths.meta);
    expect(await callHandler(backend.handlers, 'articles.snapshot', { id })).toEqual({ ok: true, value: { snapshot: null, content: null } });
  });

  it('travel in backups: restored byte for byte', async () => {
    const { dir, backend, bytes, id } = await withPdf();
    const backup = await callHandler(backend.handlers, 'backup.create', {});
    if (!backup.ok) throw new Error(backup.error.message);
    await backend.close();
    await restoreBackup(backup.value.path, join(dir, 'restored'));
    const restored = await openBackend(join(dir, 'restored'), { durability: 'none' });
    const snap = await readSnapshot(restored.store, id);
    expect(Buffer.compare(snap!.bytes, Buffer.from(bytes))).toBe(0);
    await restored.close();
  });

  it('travel in a backup merged into another notebook, checked, with their address and fetch time', async () => {
    const { dir, backend, bytes, id } = await withPdf();
    const sample = await callHandler(backend.handlers, 'notebook.importSample', {});
    const page = sample.ok ? sample.value.imported[0]!.id : '';
    await saveSnapshot(backend.store, page, { kind: 'html', bytes: Buffer.from('<p>Kept words</p>'), url: 'https://news.example/a', fetchedAt: '2025-10-13T08:00:00.000Z' });
    const backup = await callHandler(backend.handlers, 'backup.create', {});
    if (!backup.ok) throw new Error(backup.error.message);
    await backend.close();
    const other = await openBackend(join(dir, 'other'), { create: true, durability: 'none' });
    const merged = await callHandler(other.handlers, 'articles.importPaths', { paths: [backup.value.path] });
    expect(merged.ok && merged.value.imported.map((a) => a.id)).toContain(id);
    const pdf = await readSnapshot(other.store, id);
    expect(pdf?.meta).toMatchObject({ kind: 'pdf', size: bytes.length });
    expect(Buffer.compare(pdf!.bytes, Buffer.from(bytes))).toBe(0);
    const html = await readSnapshot(other.store, page);
    expect(html?.meta).toMatchObject({ kind: 'html', url: 'https://news.example/a', fetchedAt: '2025-10-13T08:00:00.000Z' });
    expect(html!.bytes.toString('utf8')).toBe('<p>Kept words</p>');
    await other.close();
  });

  it('a snapshot that cannot be written keeps its PDF out of the notebook, with the reason', async () => {
    const { dir, backend } = await withPdf();
    await backend.store.flush();
    const before = backend.store.size;
    // tmp/ replaced by a file: every temp write fails (ENOTDIR), whoever runs the test.
    rmSync(join(dir, 'nb', 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'nb', 'tmp'), '');
    writeFileSync(join(dir, 'other.pdf'), await makePdf({ pages: [{ lines: proseLines(9, 11) }] }));
    const r = await callHandler(backend.handlers, 'articles.importPaths', { paths: [join(dir, 'other.pdf')] });
    expect(r.ok && r.value.imported).toEqual([]);
    expect(r.ok && r.value.errors.map((e) => e.code)).toEqual(['IO_ERROR']);
    expect(backend.store.size).toBe(before);
  });
});

describe('citations of an article with a snapshot', () => {
  it('give its address and the day it was fetched as the access date (CSL accessed, the BibTeX note, RIS Y2)', async () => {
    const { backend } = await withPdf();
    const sample = await callHandler(backend.handlers, 'notebook.importSample', {});
    const id = sample.ok ? sample.value.imported[0]!.id : '';
    // A page import keeps its original with the address it came from; the article itself names no address.
    await backend.store.updateArticle(id, (r) => {
      r.format = 'html';
      r.userMeta.url = null;
    });
    await saveSnapshot(backend.store, id, { kind: 'html', bytes: Buffer.from('<p>x</p>'), url: 'https://news.example/a', fetchedAt: '2024-02-03T10:00:00.000Z' });
    const run = async (format: 'csl' | 'bibtex' | 'ris') => {
      const r = await callHandler(backend.handlers, 'export.run', { format, scope: { articleIds: [id] } });
      if (!r.ok) throw new Error(r.error.message);
      return Buffer.from(r.value.contentBase64, 'base64').toString('utf8');
    };
    const csl = JSON.parse(await run('csl')) as Array<{ URL?: string; accessed?: unknown }>;
    expect(csl[0]).toMatchObject({ URL: 'https://news.example/a', accessed: { 'date-parts': [[2024, 2, 3]] } });
    expect(await run('ris')).toMatch(/^Y2 {2}- 2024\/02\/03\/$/m);
    expect(await run('bibtex')).toMatch(/note = \{\[Online; accessed 2024-02-03\]\}/);
  });
});
