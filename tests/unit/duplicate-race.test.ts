/**
 * Duplicates by racing: the same text sent many times at once (a double-clicked button, a script, two
 * windows) becomes one article, whichever way it arrives; every other call is told which article it
 * duplicates. The calls go through the dispatcher every transport uses.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src-main/contract';
import type { Backend } from '../../src-main/services/backend';
import { openBackend } from '../../src-main/services/backend';
import { dispatch } from '../../src-main/transports/shared/dispatch';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const RACERS = 20;
let backend: Backend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

async function fresh(): Promise<{ dir: string; b: Backend }> {
  const dir = tempDir();
  backend = await openBackend(join(dir, 'nb'), { create: true, durability: 'none' });
  return { dir, b: backend };
}

const text = (n: number | string) =>
  `Talks in Ankara, report ${n}\n\nDelegations met on Sunday to discuss border security; this is report ${n} of the series.\n`;

async function race(b: Backend, method: string, payload: () => unknown): Promise<ImportReport[]> {
  const results = await Promise.all(Array.from({ length: RACERS }, () => dispatch(b.handlers, method, payload())));
  return results.map((r) => {
    if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
    return r.value as ImportReport;
  });
}

/** Exactly one article was added, and every other report names it as the article duplicated. */
function expectOneArticle(b: Backend, before: number, reports: ImportReport[], perCall = 1): void {
  expect(b.store.size).toBe(before + perCall);
  const imported = reports.flatMap((r) => r.imported);
  expect(imported).toHaveLength(perCall);
  const ids = new Set(imported.map((a) => a.id));
  const duplicates = reports.flatMap((r) => r.duplicates);
  expect(duplicates).toHaveLength((RACERS - 1) * perCall);
  for (const d of duplicates) expect(ids.has(d.id)).toBe(true);
  expect(reports.flatMap((r) => r.errors)).toEqual([]);
}

describe(`${RACERS} concurrent imports of one text make one article`, () => {
  it('articles.importText', async () => {
    const { b } = await fresh();
    expectOneArticle(b, 0, await race(b, 'articles.importText', () => ({ text: text(1) })));
  });

  it('articles.importFiles', async () => {
    const { b } = await fresh();
    const files = [{ name: 'report.txt', contentBase64: Buffer.from(text(2)).toString('base64') }];
    expectOneArticle(b, 0, await race(b, 'articles.importFiles', () => ({ files })));
  });

  it('articles.importPaths, the same file and copies of it under other names', async () => {
    const { dir, b } = await fresh();
    for (let i = 0; i < RACERS; i++) writeFileSync(join(dir, `copy-${i}.txt`), text(3));
    let i = 0;
    const first = await race(b, 'articles.importPaths', () => ({ paths: [join(dir, `copy-${i++}.txt`)] }));
    expectOneArticle(b, 0, first);
    const again = await race(b, 'articles.importPaths', () => ({ paths: [join(dir, 'copy-0.txt')] }));
    expect(b.store.size).toBe(1);
    expect(again.flatMap((r) => r.duplicates.map((d) => d.id))).toEqual(Array(RACERS).fill(first.flatMap((r) => r.imported)[0]!.id));
  });

  it('notebook.importSample', async () => {
    const { b } = await fresh();
    const reports = await race(b, 'notebook.importSample', () => ({}));
    expectOneArticle(b, 0, reports, 5);
  });

  it('articles.replaceText: one article takes the text, the others are refused naming it', async () => {
    const { b } = await fresh();
    const files = Array.from({ length: RACERS }, (_, i) => ({
      name: `r${i}.txt`,
      contentBase64: Buffer.from(text(`r${i}`)).toString('base64'),
    }));
    const ids = (await b.handlers['articles.importFiles']({ files })).imported.map((a) => a.id);
    expect(ids).toHaveLength(RACERS);
    const results = await Promise.all(
      ids.map((id) => dispatch(b.handlers, 'articles.replaceText', { id, source: 'edit', raw: text('the same') })),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [ids[i]!] : []));
    expect(winners).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(winners[0]!) });
  });

  it('an import racing an edit to the same text: only one article holds it', async () => {
    const { b } = await fresh();
    const [id] = (await b.handlers['articles.importText']({ text: text('first') })).imported.map((a) => a.id);
    const [edit, ...imports] = await Promise.all([
      dispatch(b.handlers, 'articles.replaceText', { id, source: 'edit', raw: text('contested') }),
      ...Array.from({ length: RACERS - 1 }, () => dispatch(b.handlers, 'articles.importText', { text: text('contested') })),
    ]);
    const added = imports.flatMap((r) => (r.ok ? (r.value as ImportReport).imported : []));
    expect(b.store.size).toBe(1 + added.length);
    // Either the edit won (no import added it) or one import did and the edit was refused naming it.
    if (edit!.ok) expect(added).toEqual([]);
    else {
      expect(added).toHaveLength(1);
      expect(edit!.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(added[0]!.id) });
    }
    const holders = new Set(imports.flatMap((r) => (r.ok ? (r.value as ImportReport).duplicates.map((d) => d.id) : [])));
    for (const h of holders) expect(h).toBe(edit!.ok ? id : added[0]!.id);
  });
});
