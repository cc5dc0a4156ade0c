import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../contract';
import { annotatedBackend, snapshotDir } from '../../../tests/helpers/annotated-backend';
import { cli } from '../../../tests/helpers/run-cli';
import { corpus } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { cslDataSchema, loadW3cSuite } from '../../../tests/helpers/w3c-schemas';
import { dispatch } from '../../../tests/helpers/api';
import { findChromium } from './pdf-chromium';

const tempDir = useTempDirs();

async function setup(events: Array<[EventName, unknown]> = []) {
  const dir = tempDir();
  const out = join(dir, 'out');
  mkdirSync(out);
  const backend = await annotatedBackend(join(dir, 'nb'), { emit: (e, p) => events.push([e, p]) });
  return { dir, out, backend, call: (m: Parameters<typeof dispatch>[1], p: unknown) => dispatch(backend.handlers, m, p) };
}

describe('export through the API', () => {
  const w3c = corpus('04-w3c-web-annotation-tests');
  const csl = corpus('05-csl-json-schema');

  it.runIf(w3c && csl)(
    'every schema-backed export of the annotated seeds validates (W3C collection and JSON Lines, CSL-JSON)',
    async () => {
      const { call } = await setup();
      const suite = loadW3cSuite(w3c!);
      const run = async (format: string, options = {}) => {
        const r = await call('export.run', { format, options });
        expect(r.ok, JSON.stringify(r)).toBe(true);
        return Buffer.from((r as { value: { contentBase64: string } }).value.contentBase64, 'base64').toString('utf8');
      };
      const coll = JSON.parse(await run('w3c')) as { first: { items: object[] } };
      expect(suite.check('collection', coll)).toEqual([]);
      for (const item of coll.first.items)
        expect(suite.check('annotation', { '@context': 'http://www.w3.org/ns/anno.jsonld', ...item })).toEqual([]);
      for (const line of (await run('w3c', { jsonLines: true })).trim().split('\n'))
        expect(suite.check('annotation', JSON.parse(line))).toEqual([]);
      const ajv = new Ajv({ strict: false });
      addFormats(ajv);
      const validate = ajv.compile(cslDataSchema(csl!));
      expect(validate(JSON.parse(await run('csl')))).toBe(true);
    },
  );

  it('hands back each format for download, with counts, and per-article Markdown as one zip', async () => {
    const { call } = await setup();
    const expectations: Record<string, [string, RegExp]> = {
      md: ['.md', /^---\ntitle: Parallax notes — whole notebook/],
      html: ['.html', /^<!doctype html>/],
      csv: ['.csv', /^Created,Updated,Article title/],
      w3c: ['.jsonld', /"type": "AnnotationCollection"/],
      csl: ['.json', /"type": "article-newspaper"/],
      bibtex: ['.bib', /^@/],
      ris: ['.ris', /^TY {2}- NEWS/],
    };
    for (const [format, [ext, head]] of Object.entries(expectations)) {
      const r = await call('export.run', { format });
      if (!r.ok) throw new Error(r.error.message);
      const v = r.value as { fileName: string; contentBase64: string; articleCount: number; annotationCount: number };
      expect(v.fileName.endsWith(ext), format).toBe(true);
      expect(Buffer.from(v.contentBase64, 'base64').toString('utf8'), format).toMatch(head);
      expect(v.articleCount).toBe(5);
    }
    const per = await call('export.run', { format: 'md', options: { layout: 'per-article' } });
    if (!per.ok) throw new Error(per.error.message);
    const v = per.value as { fileName: string; contentBase64: string; mime: string };
    expect(v.mime).toBe('application/zip');
    const files = Object.keys(unzipSync(Buffer.from(v.contentBase64, 'base64')));
    expect(files).toHaveLength(6);
  });

  it('narrows by tag (passages too) and by chosen articles; an unknown story is NOT_FOUND', async () => {
    const { call } = await setup();
    const tagged = await call('export.run', { format: 'csv', scope: { tag: 'claim/quote' } });
    if (!tagged.ok) throw new Error(tagged.error.message);
    const csv = Buffer.from((tagged.value as { contentBase64: string }).contentBase64, 'base64').toString('utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 3);
    const chosen = await call('export.run', { format: 'md', scope: { articleIds: ['b0000000000000bb'] } });
    expect(chosen.ok && (chosen.value as { articleCount: number }).articleCount).toBe(1);
    const story = await call('export.run', { format: 'md', scope: { story: 'ankara' } });
    expect(story).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/No story named or numbered "ankara"/) },
    });
    const unknown = await call('export.run', { format: 'md', scope: { articleIds: ['ffffffffffffffff'] } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await call('export.run', { format: 'docx' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('writes into the chosen folder only: names with slashes, reserved characters or device names are refused, nothing written', async () => {
    const { dir, out, call, backend } = await setup();
    symlinkSync(dir, join(out, 'link-out'));
    for (const name of ['../escape.md', 'a/b.md', 'a\\b.md', 'what?.md', 'CON.md', 'lpt1', 'x:y.md', 'trailing.', '..']) {
      const r = await call('export.write', { format: 'md', folder: out, name });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(await call('export.write', { format: 'md', folder: 'relative/dir' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('export.write', { format: 'md', folder: join(dir, 'nope') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('export.write', { format: 'md', folder: join(dir, 'nb', 'catalog') })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/outside the notebook/) },
    });
    expect(readdirSync(out)).toEqual(['link-out']);
    expect(existsSync(join(dir, 'escape.md'))).toBe(false);

    const ok = await call('export.write', { format: 'csv', folder: out, name: 'notes.csv', options: { bom: true } });
    expect(ok).toMatchObject({ ok: true, value: { files: [join(out, 'notes.csv')], annotationCount: 8 } });
    expect(readFileSync(join(out, 'notes.csv'), 'utf8').startsWith('\uFEFFCreated,')).toBe(true);
    expect(await call('export.write', { format: 'csv', folder: out, name: 'notes.csv' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await call('export.write', { format: 'csv', folder: out, name: 'notes.csv', overwrite: true })).toMatchObject({ ok: true });
    expect(readdirSync(out).sort()).toEqual(['link-out', 'notes.csv']); // no temp files left behind
    await backend.close();
  });

  it('streams a per-article Markdown export to disk with progress events', async () => {
    const events: Array<[EventName, unknown]> = [];
    const { out, call } = await setup(events);
    const r = await call('export.write', {
      format: 'md',
      folder: out,
      name: 'index.md',
      options: { layout: 'per-article', annotatedOnly: true },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(readdirSync(out).sort()).toHaveLength(1 + 4);
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('## Articles');
    const progress = events.filter(([e]) => e === 'export.progress').map(([, p]) => p);
    expect(progress).toContainEqual({ phase: 'read', done: 5, total: 5 });
    expect(progress).toContainEqual({ phase: 'write', done: 4, total: 4 });
  });

  it('writes a backup of the notebook as an export, and leaves the notebook unchanged by every export', async () => {
    const { dir, out, call } = await setup();
    const before = snapshotDir(join(dir, 'nb'));
    for (const format of ['md', 'html', 'csv', 'w3c', 'csl', 'bibtex', 'ris'])
      expect((await call('export.write', { format, folder: out })).ok, format).toBe(true);
    const b = await call('export.write', { format: 'backup', folder: out, name: 'nb-backup.zip' });
    expect(b).toMatchObject({ ok: true, value: { files: [join(out, 'nb-backup.zip')] } });
    const entries = unzipSync(readFileSync(join(out, 'nb-backup.zip')));
    expect(Object.keys(entries)).toContain('parallax-backup.json');
    expect(JSON.parse(strFromU8(entries['parallax-backup.json']!)).files.length).toBeGreaterThan(5);
    expect(snapshotDir(join(dir, 'nb'))).toEqual(before);
  });

  const chromium = findChromium();
  it.runIf(chromium)('prints the HTML report to PDF with headless Chromium (CLI)', { timeout: 120_000 }, async () => {
    const { dir, out, backend } = await setup();
    await backend.close();
    const r = await cli([
      'export',
      '--format',
      'pdf',
      '--out',
      join(out, 'report.pdf'),
      '--notebook',
      join(dir, 'nb'),
      '--style',
      'chicago',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = readFileSync(join(out, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('refuses PDF clearly when no Chromium can be found', async () => {
    const dir = tempDir();
    const { openBackend } = await import('../backend');
    const { chromiumPdfRenderer } = await import('./pdf-chromium');
    const b = await openBackend(join(dir, 'nb'), { create: true, durability: 'none', pdf: chromiumPdfRenderer(() => null) });
    const r = await dispatch(b.handlers, 'export.run', { format: 'pdf' });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/needs Chromium/) } });
  });

  it('CLI: writes Markdown per article into a new folder and refuses a bad --out name', async () => {
    const { dir, backend } = await setup();
    await backend.close();
    const nb = ['--notebook', join(dir, 'nb')];
    const r = await cli(['export', '--format', 'md', '--layout', 'per-article', '--out', join(dir, 'vault'), ...nb]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'vault'))).toHaveLength(6);
    writeFileSync(join(dir, 'x'), '');
    const bad = await cli(['export', '--format', 'csv', '--out', join(dir, 'out', 'a|b.csv'), ...nb, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'BAD_INPUT', message: expect.stringMatching(/"\|"/) } });
    const story = await cli(['export', '--format', 'md', '--story', 'ankara', '--out', join(dir, 'out'), ...nb]);
    expect(story.code).toBe(1);
    expect(story.stderr).toMatch(/No story named or numbered "ankara"/);
  });
});
