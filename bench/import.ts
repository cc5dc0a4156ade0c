/**
 * `npm run bench:import`: the BBC corpus (2,225 files + README) imported into a fresh notebook, end to end
 * (walk, read, decode, analyse, de-duplicate, write), with and without fsync, and a naive peer: the same
 * articles appended to a single lowdb JSONFile, one write per article, as a one-file store would do.
 */
import { join } from 'node:path';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { openBackend } from '../src-main/services/backend';
import { corpusOrSkip, machine, table, withTempDir } from './bench-utils';

const bbc = corpusOrSkip('01-bbc-news-fulltext');
if (bbc) {
  console.log(`import benchmark on ${machine()}`);
  const rows: Array<Record<string, string | number>> = [];
  for (const durability of ['fsync', 'none'] as const) {
    await withTempDir(async (dir) => {
      const backend = await openBackend(join(dir, 'nb'), { create: true, durability });
      const t0 = performance.now();
      const r = await backend.handlers['articles.importPaths']({ paths: [join(bbc, 'bbc')] });
      const s = (performance.now() - t0) / 1000;
      const files = r.imported.length + r.duplicates.length + r.errors.length;
      rows.push({ store: `Parallax (${durability})`, files, imported: r.imported.length, duplicates: r.duplicates.length, seconds: +s.toFixed(2), 'files/s': Math.round(files / s) });
    });
  }
  await withTempDir(async (dir) => {
    const backend = await openBackend(join(dir, 'src'), { create: true, durability: 'none' });
    await backend.handlers['articles.importPaths']({ paths: [join(bbc, 'bbc')] });
    const records = await Promise.all([...backend.store.entries()].slice(0, 1000).map((e) => backend.store.readArticle(e.id)));
    const db = new Low(new JSONFile<{ articles: unknown[] }>(join(dir, 'one.json')), { articles: [] });
    const t0 = performance.now();
    for (const r of records) {
      db.data.articles.push(r);
      await db.write();
    }
    const s = (performance.now() - t0) / 1000;
    rows.push({ store: 'peer: one lowdb file, write per article (first 1,000)', files: records.length, imported: records.length, duplicates: 0, seconds: +s.toFixed(2), 'files/s': Math.round(records.length / s) });
  });
  table(rows);
  const [fsync, , peer] = rows;
  console.log(`ratio Parallax(fsync) / one-file peer: ${(Number(fsync!['files/s']) / Number(peer!['files/s'])).toFixed(1)}x (peer measured on its first 1,000 only; it slows as the file grows)`);
}
