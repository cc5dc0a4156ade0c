import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../backend';
import { IndexHost, catalogVersions } from './index-host';
import { TEXT_STORE_DIR, TextStore } from './text-store';
import { searchArticle } from '../../../tests/helpers/search-article';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The sample notebook, without search texts (as a notebook from before them), and its catalog. */
async function sampleNotebook() {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-texts-host-'));
  dirs.push(dir);
  const b = await openBackend(dir, { create: true, durability: 'none', search: { runIn: 'inline' } });
  await b.handlers['notebook.importSample']({});
  const catalog = catalogVersions(b.store.entries());
  await b.close();
  rmSync(join(dir, TEXT_STORE_DIR), { recursive: true, force: true });
  return { dir, catalog };
}

const QUERIES = ['guler', 'kalin', 'غولر', 'sec*', '"security cooperation"', '"of syria"', 'ankara -kalin', 'outlet:trt'];
async function answers(host: IndexHost) {
  const out: unknown[] = [];
  for (const query of QUERIES) out.push((await host.query({ query, limit: 20, offset: 0 })).hits);
  return out;
}
const dataFile = (dir: string) =>
  join(
    dir,
    TEXT_STORE_DIR,
    readdirSync(join(dir, TEXT_STORE_DIR)).find((n) => n.endsWith('.dat'))!,
  );

async function writer(dir: string, catalog: ReturnType<typeof catalogVersions>) {
  const host = new IndexHost(dir);
  await host.open();
  await host.allowWrites();
  await host.reconcile(catalog);
  await host.textsFilled();
  return host;
}

describe('IndexHost search texts', () => {
  it('serves snippets and phrase checks from the texts, without the article files', async () => {
    const { dir, catalog } = await sampleNotebook();
    const reference = new IndexHost(dir);
    await reference.open();
    await reference.reconcile(catalog);
    const expected = await answers(reference);

    const host = await writer(dir, catalog);
    await host.close();
    expect(existsSync(join(dir, TEXT_STORE_DIR, 'table.json'))).toBe(true);
    // With the article files out of reach, a fresh host (nothing cached) still answers in full from the texts.
    renameSync(join(dir, 'articles'), join(dir, 'articles.away'));
    const served = new IndexHost(dir);
    await served.open();
    await served.reconcile(catalog);
    expect(await answers(served)).toEqual(expected);
    expect(expected.flat().length).toBeGreaterThan(10);
  });

  it('reads an article file instead of a record with a corrupted byte: the same snippets, no crash', async () => {
    const { dir, catalog } = await sampleNotebook();
    const host = await writer(dir, catalog);
    const expected = await answers(host);
    await host.close();
    const file = dataFile(dir);
    const bytes = readFileSync(file);
    // Damage a byte of body text in every record that holds "security", the words the phrase queries check.
    for (let at = bytes.indexOf('security'); at >= 0; at = bytes.indexOf('security', at + 1)) bytes[at + 1] = 'X'.charCodeAt(0);
    writeFileSync(file, bytes);
    const damaged = new IndexHost(dir);
    await damaged.open();
    await damaged.reconcile(catalog);
    expect(await answers(damaged)).toEqual(expected);
  });

  it('a first open with no saved index indexes from the texts, without the article files, and does not write them again', async () => {
    const { dir, catalog } = await sampleNotebook();
    const host = await writer(dir, catalog);
    const expected = await answers(host);
    await host.close();
    rmSync(join(dir, 'index'), { recursive: true, force: true });
    const bytes = readFileSync(dataFile(dir)).length;
    renameSync(join(dir, 'articles'), join(dir, 'articles.away'));

    const rebuilt = await writer(dir, catalog);
    const status = await rebuilt.status();
    expect(status).toMatchObject({ state: 'ready', indexedArticles: 5, message: null });
    expect(await answers(rebuilt)).toEqual(expected);
    await rebuilt.close();
    expect(readFileSync(dataFile(dir)).length).toBe(bytes);
  });

  it('a first open with no saved index reads a damaged record\'s article from its file, and writes that text again', async () => {
    const { dir, catalog } = await sampleNotebook();
    const host = await writer(dir, catalog);
    const expected = await answers(host);
    await host.close();
    rmSync(join(dir, 'index'), { recursive: true, force: true });
    const file = dataFile(dir);
    const bytes = readFileSync(file);
    const at = bytes.indexOf('security');
    bytes[at + 1] = 'X'.charCodeAt(0);
    writeFileSync(file, bytes);

    const rebuilt = await writer(dir, catalog);
    expect(await rebuilt.status()).toMatchObject({ indexedArticles: 5, message: null });
    expect(await answers(rebuilt)).toEqual(expected);
    await rebuilt.close();
    // The damaged article's text was appended again, from its file: the store holds a sound record of all five.
    expect(readFileSync(file).length).toBeGreaterThan(bytes.length);
    const texts = await TextStore.open(dir, { writable: false, tmpDir: join(dir, 'tmp') });
    const ids = catalog.ids.split('\n');
    const versions = catalog.updatedAt.split('\n');
    expect(ids.filter((id, i) => texts.get(id, versions[i]!) !== null)).toHaveLength(5);
  });

  it('a host not allowed to write leaves no texts; one allowed rebuilds them from the articles when they are missing', async () => {
    const { dir, catalog } = await sampleNotebook();
    const reader = new IndexHost(dir);
    await reader.open();
    await reader.reconcile(catalog);
    await reader.save(true);
    await reader.close();
    expect(existsSync(join(dir, TEXT_STORE_DIR))).toBe(false);

    // The saved index is up to date, so nothing is re-indexed: the texts are filled from the article files.
    const host = await writer(dir, catalog);
    await host.close();
    renameSync(join(dir, 'articles'), join(dir, 'articles.away'));
    const served = new IndexHost(dir);
    await served.open();
    await served.reconcile(catalog);
    const hits = (await served.query({ query: '"security cooperation"', limit: 20, offset: 0 })).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.snippets.some((s) => s.highlights.length > 0))).toBe(true);
  });

  it('follows edits and deletions: an edited article is served in its new text, a removed one is dropped', async () => {
    const { dir, catalog } = await sampleNotebook();
    const host = await writer(dir, catalog);
    const [edited, removed] = (await host.query({ query: 'guler', limit: 20, offset: 0 })).hits.map((h) => h.id);
    const at = '2030-01-01T00:00:00.000Z';
    await host.upsert([searchArticle(edited!, { updatedAt: at, title: 'Edited', body: 'The zanzibar talks ended.' })]);
    await host.remove([removed!]);
    await host.close();

    const texts = await TextStore.open(dir, { writable: false, tmpDir: join(dir, 'tmp') });
    expect(texts.get(edited!, at)?.body).toBe('The zanzibar talks ended.');
    expect(texts.stats().records).toBe(4);
    renameSync(join(dir, 'articles'), join(dir, 'articles.away'));
    const ids = catalog.ids.split('\n');
    const versions = catalog.updatedAt.split('\n');
    const now = ids.flatMap((id, i) => (id === removed ? [] : [{ id, updatedAt: id === edited ? at : versions[i]! }]));
    const served = new IndexHost(dir);
    await served.open();
    await served.reconcile(catalogVersions(now));
    const hit = (await served.query({ query: 'zanzibar', limit: 5, offset: 0 })).hits[0];
    expect(hit?.id).toBe(edited);
    expect(hit?.snippets[0]?.text).toContain('zanzibar');
    expect((await served.query({ query: 'guler', limit: 20, offset: 0 })).hits.map((h) => h.id)).not.toContain(removed);
  });
});
