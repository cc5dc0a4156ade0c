/**
 * `npm run bench:compare-heavy`: heavy comparisons through a real `parallax serve` process, as web mode runs
 * them, and what the rest of the server does meanwhile.
 *   1. two ~1.5 MB articles (BBC stories joined; the second is the first reworded and reordered, so most
 *      sentences align) are compared with `compare.articles`; while it runs, `notebook.info` and
 *      `articles.list` are called every POLL_MS and their latency recorded;
 *   2. `compare.related` on a normal article and on a 5 MB article written on one line, in a notebook
 *      holding both (and the five seeds);
 *   3. a second heavy comparison, cancelled after CANCEL_AFTER_MS with `compare.cancel` (when the server has
 *      it), then a normal comparison.
 * Prints wall time, the server's peak resident memory (VmHWM: the process and all its threads), and
 * p50/max latency of the other calls. TIMEOUT_S (default 400) gives up on a call that never answers.
 * Section 0 times normal comparisons through the server (what the worker hop costs): the first one after
 * the start, then each of the ten pairs of seeds once (results are cached per pair, so each is computed).
 * SECTIONS (default 0,1,2,3) chooses what runs.
 * Needs the build (`npm run build`): the server is `bin/parallax.mjs serve`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Api, ApiReply } from '../tests/helpers/serve-process';
import { spawnServe } from '../tests/helpers/serve-process';
import { oneLineBlob, repeatedSeeds } from '../tests/helpers/heavy-articles';
import { machine, percentile, withTempDir } from './bench-utils';

const bin = process.env.PARALLAX_BIN ?? fileURLToPath(new URL('../bin/parallax.mjs', import.meta.url));
const TIMEOUT_S = Number(process.env.TIMEOUT_S ?? 400);
const POLL_MS = Number(process.env.POLL_MS ?? 200);
const CANCEL_AFTER_MS = Number(process.env.CANCEL_AFTER_MS ?? 1500);
const SECTIONS = new Set((process.env.SECTIONS ?? '0,1,2,3').split(',').map(Number));
const seedsDir = fileURLToPath(new URL('../resources/sample', import.meta.url));
const bbcCandidates = [
  fileURLToPath(new URL('../../shared/corpora/01-bbc-news-fulltext/bbc', import.meta.url)),
  '/work/shared/corpora/01-bbc-news-fulltext/bbc',
];

/** Story texts: the BBC set when present, else the five seeds (the generated articles then repeat more). */
function storyTexts(): string[] {
  const dir = bbcCandidates.find((d) => existsSync(d));
  if (!dir) {
    console.log('BBC corpus absent: articles are built from the seeds');
    return readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
  }
  return readdirSync(dir)
    .sort()
    .flatMap((cat) =>
      existsSync(join(dir, cat)) && !cat.includes('.')
        ? readdirSync(join(dir, cat))
            .filter((f) => f.endsWith('.txt'))
            .sort()
            .map((f) => readFileSync(join(dir, cat, f), 'latin1'))
        : [],
    );
}

/** Paragraphs of many stories (titles dropped) until `bytes`. */
function bigBody(texts: string[], bytes: number, offset: number): string[] {
  const paras: string[] = [];
  let size = 0;
  for (let i = offset; size < bytes; i++) {
    const [, ...rest] = texts[i % texts.length]!.split(/\n+/).filter((l) => l.trim());
    for (const p of rest) {
      paras.push(p.trim());
      size += p.length + 2;
    }
  }
  return paras;
}

const reword = (paras: string[]) =>
  [...paras].reverse().map((p) =>
    p
      .replace(/\bsaid\b/g, 'stated')
      .replace(/\bthe\b/g, 'a')
      .replace(/\bwill\b/g, 'would'),
  );

type Server = { api: Api; pid: number; stop: () => Promise<void> };

async function serve(notebook: string): Promise<Server> {
  const { child, api } = await spawnServe([bin], notebook);
  child.stderr.on('data', (d: Buffer) => process.stderr.write(`[server] ${d.toString()}`));
  child.once('exit', (code, signal) => console.log(`[server exited: code ${code}, signal ${signal}]`));
  return {
    api,
    pid: child.pid!,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

function ok<T>(r: ApiReply, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error?.code} ${r.error?.message}`);
  return r.value as T;
}

/** Call `fn` every POLL_MS until `stop()`; one call at a time, each latency recorded. */
function poller(api: Api) {
  const info: number[] = [];
  const list: number[] = [];
  const failures: string[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      for (const [method, input, into] of [
        ['notebook.info', {}, info],
        ['articles.list', { limit: 50 }, list],
      ] as const) {
        const t0 = performance.now();
        try {
          ok(await api(method, input), method);
          into.push(performance.now() - t0);
        } catch (e) {
          failures.push(
            `${method} after ${(performance.now() - t0).toFixed(0)} ms: ${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? '')}`,
          );
        }
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      const f = (xs: number[]) =>
        xs.length
          ? `p50 ${percentile(xs, 50).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (${xs.length} calls)`
          : 'no call answered';
      const failed = failures.length ? `; ${failures.length} failed, first: ${failures[0]}` : '';
      return `notebook.info ${f(info)}; articles.list ${f(list)}${failed}`;
    },
  };
}

type Timed = { ms: number; reply: ApiReply | null };
async function timed(call: Promise<ApiReply>): Promise<Timed> {
  const t0 = performance.now();
  const p = call.catch((e: Error): ApiReply => ({
    ok: false,
    error: { code: 'TRANSPORT', message: `${e.message} ${String((e as { cause?: unknown }).cause ?? '')}` },
  }));
  const timeout = new Promise<null>((r) => setTimeout(() => r(null), TIMEOUT_S * 1000).unref());
  const reply = await Promise.race([p, timeout]);
  return { ms: performance.now() - t0, reply };
}

function describe(t: Timed): string {
  if (!t.reply) return `no answer after ${TIMEOUT_S} s`;
  if (!t.reply.ok) return `${t.reply.error?.code}: ${t.reply.error?.message}`;
  const v = t.reply.value as {
    articles?: Array<{ sentences: unknown[] }>;
    alignment?: { pairs: Array<{ matched: number }> };
    notices?: string[];
  };
  if (Array.isArray(t.reply.value)) return `${(t.reply.value as unknown[]).length} related: ${JSON.stringify(t.reply.value).slice(0, 200)}`;
  return `${v.articles?.map((a) => a.sentences.length).join(' + ')} sentences, ${v.alignment?.pairs[0]?.matched ?? 0} matched; notices: ${JSON.stringify(v.notices ?? [])}`;
}

await withTempDir(async (dir) => {
  const texts = storyTexts();
  const files = join(dir, 'files');
  mkdirSync(files);
  const a = bigBody(texts, 1.5e6, 0);
  writeFileSync(join(files, 'big-a.txt'), `Big article A: many stories\n\n${a.join('\n\n')}\n`);
  writeFileSync(join(files, 'big-b.txt'), `Big article B: many stories reworded\n\n${reword(a).join('\n\n')}\n`);
  const other = bigBody(texts, 1.5e6, 400);
  writeFileSync(join(files, 'big-c.txt'), `Big article C: other stories\n\n${other.join('\n\n')}\n`);
  // The five seeds repeated and varied (each copy's paragraphs numbered) to ~1.5 MB: every sentence has
  // dozens of near-copies in the other article, so similar pairs multiply.
  writeFileSync(join(files, 'seeds-d.txt'), repeatedSeeds('copy', 1.5e6));
  writeFileSync(join(files, 'seeds-e.txt'), repeatedSeeds('version', 1.5e6));
  // One line of 5 MB: the stories' text with every line break taken out.
  const line = bigBody(texts, 5e6, 800).join(' ').slice(0, 5_000_000);
  writeFileSync(join(files, 'one-line.txt'), line);
  // One line of 5 MB that is one "word" after two Chinese characters: a blob pasted as text.
  writeFileSync(join(files, 'one-word.txt'), oneLineBlob());
  for (const f of readdirSync(seedsDir).filter((x) => x.endsWith('.txt'))) writeFileSync(join(files, f), readFileSync(join(seedsDir, f)));
  console.log(`Parallax heavy-compare benchmark (${machine()})`);
  console.log(
    `articles: A ${(readFileSync(join(files, 'big-a.txt')).length / 1e6).toFixed(2)} MB, B ${(readFileSync(join(files, 'big-b.txt')).length / 1e6).toFixed(2)} MB, one line ${(line.length / 1e6).toFixed(2)} MB`,
  );

  spawnSync(process.execPath, [bin, 'init', '--notebook', join(dir, 'notebook')], { stdio: 'ignore' });
  const server = await serve(join(dir, 'notebook'));
  try {
    const report = ok<{ imported: Array<{ id: string; file: string }> }>(
      await server.api('articles.importPaths', { paths: [files] }),
      'import',
    );
    const idOf = (name: string) => {
      const row = report.imported.find((r) => r.file.endsWith(name));
      if (!row) throw new Error(`${name} was not imported: ${JSON.stringify(report).slice(0, 400)}`);
      return row.id;
    };
    const [idA, idB, idC, idD, idE, idLine, idWord] = [
      'big-a.txt',
      'big-b.txt',
      'big-c.txt',
      'seeds-d.txt',
      'seeds-e.txt',
      'one-line.txt',
      'one-word.txt',
    ].map(idOf);
    const seedId = idOf('000_8f741ed5d6140f33.txt');
    console.log(`ids: A ${idA}, B ${idB}, C ${idC}, D ${idD}, E ${idE}, one line ${idLine}, one word ${idWord}, first seed ${seedId}`);
    const base = peakMb(server.pid);
    console.log(`\nserver resident after import: ${rssMb(server.pid).toFixed(0)} MB (peak so far ${base.toFixed(0)} MB)`);

    const seedIds = report.imported.filter((r) => /^\d{3}_/.test(r.file.split('/').pop()!)).map((r) => r.id);

    // 0. Normal comparisons, served.
    if (SECTIONS.has(0)) {
      const first = await timed(server.api('compare.articles', { ids: seedIds }));
      const pairs: number[] = [];
      for (let i = 0; i < seedIds.length; i++)
        for (let j = i + 1; j < seedIds.length; j++) {
          const t = await timed(server.api('compare.articles', { ids: [seedIds[i], seedIds[j]] }));
          ok(t.reply!, 'compare.articles');
          pairs.push(t.ms);
        }
      console.log(
        `\n0. served: the five seeds, first comparison after the start ${first.ms.toFixed(0)} ms; two seeds (10 pairs) p50 ${percentile(pairs, 50).toFixed(1)} ms, max ${Math.max(...pairs).toFixed(1)} ms`,
      );
    }

    // 1. The heavy comparisons, and the server meanwhile.
    let poll: ReturnType<typeof poller>;
    const heavyCases = [
      ['A+B (BBC stories, B reworded)', [idA, idB]],
      ['D+E (the seeds repeated)', [idD, idE]],
    ] as const;
    for (const [label, ids] of SECTIONS.has(1) ? heavyCases : []) {
      poll = poller(server.api);
      const heavy = await timed(server.api('compare.articles', { ids }));
      console.log(`\n1. compare.articles ${label}: ${(heavy.ms / 1000).toFixed(1)} s, peak RSS ${peakMb(server.pid).toFixed(0)} MB`);
      console.log(`   result: ${describe(heavy)}`);
      console.log(`   meanwhile: ${await poll.stop()}`);
      if (!heavy.reply) throw new Error('the server never answered; stopping');
    }

    // 2. Related coverage with a 5 MB single-line article in the notebook.
    const relatedCases = [
      ['a seed', seedId],
      ['the one-line article', idLine],
      ['the one-word article', idWord],
      ['a seed, again', seedId],
    ] as const;
    for (const [label, id] of SECTIONS.has(2) ? relatedCases : []) {
      poll = poller(server.api);
      const r = await timed(server.api('compare.related', { id, limit: 5 }));
      console.log(`\n2. compare.related on ${label}: ${(r.ms / 1000).toFixed(2)} s, peak RSS ${peakMb(server.pid).toFixed(0)} MB`);
      console.log(`   result: ${describe(r)}`);
      console.log(`   meanwhile: ${await poll.stop()}`);
    }

    // 3. Cancel a heavy comparison, then compare normal articles.
    const hasCancel = (await server.api('compare.cancel', { requestId: 'probe' })).error?.code !== 'UNKNOWN_METHOD';
    if (!SECTIONS.has(3)) {
      /* not asked for */
    } else if (hasCancel) {
      const started = performance.now();
      const running = timed(server.api('compare.articles', { ids: [idA, idC], requestId: 'bench-cancel' }));
      await new Promise((r) => setTimeout(r, CANCEL_AFTER_MS));
      const c = await timed(server.api('compare.cancel', { requestId: 'bench-cancel' }));
      const cancelled = await running;
      console.log(
        `\n3. compare.articles A+C cancelled after ${CANCEL_AFTER_MS} ms: answered ${((performance.now() - started) / 1000).toFixed(2)} s after it started (cancel answered in ${c.ms.toFixed(0)} ms)`,
      );
      console.log(`   result: ${describe(cancelled)}`);
      const after = await timed(server.api('compare.articles', { ids: [...seedIds].reverse() }));
      console.log(`   then the five seeds: ${after.ms.toFixed(0)} ms, ${describe(after)}`);
    } else console.log('\n3. compare.cancel: not offered by this server');
    console.log(`\nserver peak resident memory over the run: ${peakMb(server.pid).toFixed(0)} MB`);
  } finally {
    await server.stop();
  }
});
