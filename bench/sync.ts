/**
 * Team sync (ADR 007) with the server on the same machine: the first sync of N articles (push from one
 * notebook, pull into an empty one: articles/s and peak resident memory), and an incremental sync of one
 * annotation (ms, median of 7). A throwaway PostgreSQL cluster (tests/helpers/pg-cluster.ts).
 *   npm run bench:sync            (10,000 articles)
 *   npm run bench:sync -- 100000
 *   npm run bench:sync -- 10000 --profile out.cpuprofile   (a CPU profile of the incremental syncs alone)
 * Each incremental sync also reports its CPU time (user + system), which load on the machine barely moves.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildRecord } from '../src-main/services/importer/build-record';
import { NotebookStore } from '../src-main/services/store/notebook-store';
import { syncNotebook } from '../src-main/services/sync/sync-notebook';
import { startPgCluster } from '../tests/helpers/pg-cluster';
import { corpusOrSkip, machine, percentile, withTempDir } from './bench-utils';
import { generatedTexts } from './scale-corpus';

const n = Number(process.argv[2] ?? 10_000);
/** `--no-pull`: skip the first pull into an empty notebook (for profiling the incremental syncs sooner). */
const skipPull = process.argv.includes('--no-pull');
const profileAt = process.argv.indexOf('--profile') > 0 ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const bbc = corpusOrSkip('01-bbc-news-fulltext');
console.log(`sync benchmark on ${machine()}; ${n.toLocaleString('en')} articles of ${bbc ? 'BBC text' : 'generated text'}; load ${load()}`);

let peak = 0;
const sampler = setInterval(() => void (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const mb = (b: number) => `${Math.round(b / 1048576)} MB`;

await withTempDir(async (dir) => {
  const cluster = await startPgCluster();
  try {
    await cluster.createDatabase('bench');
    const remote = cluster.url('bench');
    const ada = await NotebookStore.open(join(dir, 'ada'), { create: true });
    const now = new Date().toISOString();
    let batch = [];
    for (const text of generatedTexts(n, bbc)) {
      batch.push(buildRecord({ file: 'bench.txt', load: () => ({ text, encoding: 'utf-8' }) }, { text, encoding: 'utf-8' }, now));
      if (batch.length === 500) {
        await ada.putArticles(batch);
        batch = [];
      }
    }
    if (batch.length) await ada.putArticles(batch);
    console.log(`notebook of ${ada.size.toLocaleString('en')} articles written; load ${load()}`);

    peak = 0;
    let t = performance.now();
    const pushed = await syncNotebook(ada, { remote, user: 'Ada' });
    const pushS = (performance.now() - t) / 1000;
    const pushPeak = peak;
    console.log(`first sync, push: ${pushed.pushed.articles} articles in ${pushS.toFixed(1)} s = ${Math.round(pushed.pushed.articles / pushS)} articles/s; peak resident ${mb(pushPeak)}; load ${load()}`);

    const ben = skipPull ? null : await NotebookStore.open(join(dir, 'ben'), { create: true });
    if (ben) {
      peak = 0;
      t = performance.now();
      const pulled = await syncNotebook(ben, { remote, user: 'Ben' });
      const pullS = (performance.now() - t) / 1000;
      console.log(`first sync, pull into an empty notebook: ${pulled.pulled.articles} articles in ${pullS.toFixed(1)} s = ${Math.round(pulled.pulled.articles / pullS)} articles/s; peak resident ${mb(peak)}; load ${load()}`);
    }
    const ids = [...ada.entries()].map((e) => e.id);
    const times: number[] = [];
    const cpu: number[] = [];
    const session = profileAt ? new Session() : null;
    session?.connect();
    await session?.post('Profiler.enable');
    await session?.post('Profiler.start');
    for (let i = 0; i < 7; i++) {
      const id = ids[i * 97]!;
      await ada.updateArticle(id, (r) => void (r.userMeta.author = `Reporter ${i}`));
      t = performance.now();
      const c0 = process.cpuUsage();
      await syncNotebook(ada, {});
      const c1 = process.cpuUsage(c0);
      times.push(performance.now() - t);
      cpu.push((c1.user + c1.system) / 1000);
    }
    if (session && profileAt) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileAt, JSON.stringify(profile));
      session.disconnect();
    }
    console.log(
      `incremental sync of one change in a ${n.toLocaleString('en')}-article notebook: median ${percentile(times, 50).toFixed(0)} ms (p95 ${percentile(times, 95).toFixed(0)} ms); ` +
        `CPU median ${percentile(cpu, 50).toFixed(0)} ms (p95 ${percentile(cpu, 95).toFixed(0)} ms); each ${times.map((x) => x.toFixed(0)).join(', ')} ms; load ${load()}`,
    );
    await ada.close();
    await ben?.close();
  } finally {
    await cluster.stop();
  }
});
clearInterval(sampler);
