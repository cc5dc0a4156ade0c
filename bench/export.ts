/**
 * `npm run bench:export`: exports and backups of a large annotated notebook, through the same handlers the
 * app and CLI use. Articles are the five seeds repeated under new ids (so the text analyser's output is real),
 * each with the fixture's annotations; sizes from SIZES (default 1000,10000).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord } from '../src-main/core/article/article-record';
import { restoreBackup } from '../src-main/services/backup/backup-archive';
import { openBackend } from '../src-main/services/backend';
import { annotatedRecords } from '../tests/helpers/annotated-notebook';
import { machine, ms, table, withTempDir } from './bench-utils';

const sizes = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
const base = annotatedRecords();
const idOf = (i: number) => i.toString(16).padStart(16, '0');

function records(n: number): ArticleRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const r = base[i % base.length]!;
    const id = idOf(i + 1);
    return {
      ...r,
      id,
      fingerprint: `bench-${id}`,
      userMeta: { ...r.userMeta, title: `${r.userMeta.title ?? r.analysis.meta.title.value ?? 'Article'} (${i})` },
      annotations: r.annotations.map((a, k) => ({ ...a, id: `${id}n${k}`, articleId: id })),
    };
  });
}

console.log(`export benchmark on ${machine()}`);
const rows: Array<Record<string, string | number>> = [];
for (const n of sizes) {
  await withTempDir(async (dir) => {
    const b = await openBackend(join(dir, 'nb'), { create: true, durability: 'none' });
    const all = records(n);
    for (let i = 0; i < n; i += 1000) await b.store.putArticles(all.slice(i, i + 1000));
    const out = join(dir, 'out');
    mkdirSync(out);
    const timed = async (label: string, fn: () => Promise<{ bytes: number }>) => {
      const t0 = performance.now();
      const r = await fn();
      const t = performance.now() - t0;
      rows.push({ articles: n, what: label, time: ms(t), 'articles/s': Math.round(n / (t / 1000)), MB: (r.bytes / 1048576).toFixed(1) });
    };
    const opts = (o = {}) => ({ layout: 'combined' as const, includeText: false, citationStyle: 'apa' as const, bom: false, jsonLines: false, annotatedOnly: false, ...o });
    for (const format of ['csv', 'w3c', 'md', 'html', 'csl', 'bibtex'] as const) {
      await timed(`export ${format}`, () => b.handlers['export.write']({ format, scope: {}, options: opts(), folder: out, name: `all-${format}`, overwrite: true }));
    }
    await timed('export md per-article', () => b.handlers['export.write']({ format: 'md', scope: {}, options: opts({ layout: 'per-article' }), folder: join(out), name: 'index', overwrite: true }));
    await timed('backup', () => b.handlers['export.write']({ format: 'backup', scope: {}, options: opts(), folder: out, name: 'nb.zip', overwrite: true }));
    await timed('restore', () => restoreBackup(join(out, 'nb.zip'), join(dir, 'restored')));
    await b.close();
  });
}
table(rows);
