import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { searchArticle } from '../../../tests/helpers/search-article';
import type { TextStoreOptions } from './text-store';
import { TEXT_STORE_DIR, TextStore } from './text-store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function notebook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-texts-'));
  dirs.push(dir);
  return dir;
}

const writer = (root: string, over: Partial<TextStoreOptions> = {}) =>
  TextStore.open(root, { writable: true, tmpDir: join(root, 'tmp'), ...over });
const reader = (root: string) => TextStore.open(root, { writable: false, tmpDir: join(root, 'tmp') });
const V1 = '2025-10-12T00:00:00.000Z';
const V2 = '2025-10-13T00:00:00.000Z';
const article = (id: string, body: string, updatedAt = V1) =>
  searchArticle(id, { body, updatedAt, outlet: 'TRT', tags: ['actor/guler'], notes: [{ id: 'n1', note: 'a note', tags: [], quote: 'q' }] });
const dataFile = (root: string) => {
  const name = readdirSync(join(root, TEXT_STORE_DIR)).find((n) => n.endsWith('.dat'))!;
  return join(root, TEXT_STORE_DIR, name);
};

describe('TextStore', () => {
  it('gives back what was put, after a close and a reopen, Arabic and Turkish text included', async () => {
    const root = notebook();
    const a = article('a1', 'Güler ve Kalın Ankara’da. وزير الخارجية أَحْمَدُ');
    const b = article('b2', 'Second body');
    const store = await writer(root);
    store.put([a, b]);
    expect(store.get('a1', V1)).toEqual(a);
    await store.close();
    const again = await reader(root);
    expect(again.get('a1', V1)).toEqual(a);
    expect(again.get('b2', V1)).toEqual(b);
    expect(again.stats()).toMatchObject({ records: 2, dead: 0 });
    await again.close();
  });

  it('answers only the version asked for: an older or newer updatedAt is absent, not a stale text', async () => {
    const root = notebook();
    const store = await writer(root);
    store.put([article('a1', 'first text')]);
    expect(store.get('a1', V2)).toBeNull();
    store.put([article('a1', 'edited text', V2)]);
    expect(store.get('a1', V1)).toBeNull();
    expect(store.get('a1', V2)?.body).toBe('edited text');
    expect(store.stats().dead).toBeGreaterThan(0);
    await store.close();
    expect((await reader(root)).get('a1', V2)?.body).toBe('edited text');
  });

  it('drops a removed article, also when the removal is only in the records replayed after the table', async () => {
    const root = notebook();
    const store = await writer(root);
    store.put([article('a1', 'one'), article('b2', 'two')]);
    await store.flush();
    store.remove(['a1', 'never-there']);
    expect(store.get('a1', V1)).toBeNull();
    // Killed before the next table write: the reopened store replays the removal from the data file.
    const reopened = await writer(root);
    expect(reopened.get('a1', V1)).toBeNull();
    expect(reopened.get('b2', V1)?.body).toBe('two');
    expect(reopened.stats().records).toBe(1);
    await reopened.close();
    await store.close();
  });

  it('compacts once dead space passes half the file, keeping every live record and removing the old file', async () => {
    const root = notebook();
    const store = await writer(root, { compactMinBytes: 1024 });
    const body = (n: number) => `text number ${n} `.repeat(20);
    store.put(Array.from({ length: 10 }, (_, i) => article(`a${i}`, body(i))));
    await store.flush();
    const before = dataFile(root);
    // 6 of 16 records dead: below half, the file stays.
    store.put(Array.from({ length: 6 }, (_, i) => article(`a${i}`, body(i + 100), V2)));
    await store.flush();
    expect(dataFile(root)).toBe(before);
    // 11 of 21 dead: past half.
    store.put(Array.from({ length: 5 }, (_, i) => article(`a${i + 5}`, body(i + 105), V2)));
    expect(store.stats().dead * 2).toBeGreaterThan(store.stats().bytes);
    await store.flush();
    const after = dataFile(root);
    expect(after).not.toBe(before);
    expect(existsSync(before)).toBe(false);
    expect(store.stats()).toMatchObject({ dead: 0, records: 10 });
    expect(statSync(after).size).toBe(store.stats().bytes);
    const expected = (i: number) => body(i + 100);
    for (let i = 0; i < 10; i++) expect(store.get(`a${i}`, V2)?.body).toBe(expected(i));
    await store.close();
    const reopened = await reader(root);
    for (let i = 0; i < 10; i++) expect(reopened.get(`a${i}`, V2)?.body).toBe(expected(i));
  });

  it('reports a record with one corrupted byte as absent (the caller reads the article file), never a wrong text', async () => {
    const root = notebook();
    const store = await writer(root);
    store.put([article('a1', 'the security of syria was discussed'), article('b2', 'untouched')]);
    await store.close();
    const file = dataFile(root);
    const bytes = readFileSync(file);
    const at = bytes.indexOf('security');
    bytes[at] = 'S'.charCodeAt(0);
    writeFileSync(file, bytes);
    const damaged = await reader(root);
    expect(damaged.get('a1', V1)).toBeNull();
    expect(damaged.stats().unreadable).toBe(1);
    expect(damaged.get('b2', V1)?.body).toBe('untouched');
  });

  it('reopens after a kill mid-append: the torn last record is cut off and the next append follows the sound ones', async () => {
    const root = notebook();
    const store = await writer(root);
    store.put([article('a1', 'kept')]);
    await store.flush();
    store.put([article('b2', 'also kept'), article('c3', 'torn by the kill')]);
    const file = dataFile(root);
    truncateSync(file, statSync(file).size - 5);
    const reopened = await writer(root);
    expect(reopened.get('a1', V1)?.body).toBe('kept');
    expect(reopened.get('b2', V1)?.body).toBe('also kept');
    expect(reopened.has('c3', V1)).toBe(false);
    expect(statSync(file).size).toBe(reopened.stats().bytes);
    reopened.put([article('d4', 'after the kill')]);
    await reopened.close();
    const last = await reader(root);
    expect(last.get('d4', V1)?.body).toBe('after the kill');
    expect(last.get('b2', V1)?.body).toBe('also kept');
    await store.close();
  });

  it('without its table replays the data file from the start; with a table longer than its file starts afresh', async () => {
    const root = notebook();
    const store = await writer(root);
    store.put([article('a1', 'one'), article('b2', 'two')]);
    await store.close();
    rmSync(join(root, TEXT_STORE_DIR, 'table.json'));
    const replayed = await reader(root);
    expect(replayed.get('b2', V1)?.body).toBe('two');

    const w = await writer(root);
    await w.close();
    truncateSync(dataFile(root), 10); // lost writes: the table points past the end
    const fresh = await writer(root);
    expect(fresh.stats().records).toBe(0);
    fresh.put([article('a1', 'written again')]);
    await fresh.close();
    expect((await reader(root)).get('a1', V1)?.body).toBe('written again');
    expect(readdirSync(join(root, TEXT_STORE_DIR)).filter((n) => n.endsWith('.dat'))).toHaveLength(1);
  });

  it('opened read-only never writes: no folder, no record, no table', async () => {
    const root = notebook();
    const store = await reader(root);
    store.put([article('a1', 'one')]);
    store.remove(['a1']);
    await store.close();
    expect(existsSync(join(root, TEXT_STORE_DIR))).toBe(false);
    expect(store.get('a1', V1)).toBeNull();
  });
});
