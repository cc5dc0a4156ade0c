/**
 * The sync kill harness: a sync SIGKILLed at any point (mid-pull, mid-push, between a commit on the server
 * and the journal line that records it) loses nothing and duplicates nothing; the next sync finishes the
 * work. Two notebooks, a real PostgreSQL, at least 30 kills; at the end both notebooks hold the same
 * articles, tags, corrections and annotations, and the server holds every change once.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Backend } from '../../src-main/services/backend';
import { openBackend } from '../../src-main/services/backend';
import { buildRecord } from '../../src-main/services/importer/build-record';
import type { PgCluster } from '../helpers/pg-cluster';
import { startPgCluster } from '../helpers/pg-cluster';
import type { SyncChildTask } from '../helpers/sync-child';

let cluster: PgCluster;
let dir: string;
let child: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-sync-kill-'));
  cluster = await startPgCluster();
  child = join(dir, 'sync-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../helpers/sync-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  chmodSync(child, 0o644);
});
afterAll(async () => {
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Outcome = { ok: true; report: { pushed: Record<string, number>; pulled: Record<string, number> } } | { ok: false; code: string; message: string };

/** One sync in a child process, killed after `killAfter` recorded batches (plus a few ms), or left to finish. */
function runSync(task: SyncChildTask, killAfter: number | null): Promise<{ killed: boolean; outcome: Outcome | null }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, JSON.stringify(task)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let batches = 0;
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const seen = out.split('\n').filter((l) => l.startsWith('batch ')).length;
      if (killAfter !== null && seen > batches && seen >= killAfter) setTimeout(() => p.kill('SIGKILL'), Math.floor(Math.random() * 15));
      batches = seen;
    });
    p.on('error', reject);
    p.on('exit', (_code, signal) => {
      const last = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (!last && signal !== 'SIGKILL') return reject(new Error(`the sync child died: ${stderr.slice(-2000)}`));
      resolve({ killed: signal === 'SIGKILL', outcome: last ? (JSON.parse(last) as Outcome) : null });
    });
  });
}

let kills = 0;
/** Ada's articles: each sync batch carries two, and each killed run has made one batch of progress. */
const ADAS = 20;

/**
 * Syncs in a child killed just after its first recorded batch (a few ms later, so kills land between a
 * server commit and its journal line too), again and again, until a run finishes on its own: each killed
 * run has made at least one batch of progress.
 */
async function syncThroughKills(task: SyncChildTask): Promise<Outcome> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const r = await runSync(task, 1);
    if (r.killed) {
      kills++;
      continue;
    }
    if (!r.outcome?.ok) throw new Error(`sync failed: ${JSON.stringify(r.outcome)}`);
    return r.outcome;
  }
  throw new Error('the sync never finished');
}

async function open(name: string): Promise<Backend> {
  return openBackend(join(dir, name), { create: true, durability: 'none' });
}

const text = (i: number, who: string) =>
  `Report ${i} from ${who}\n\nOfficials in Ankara said on Tuesday that talks number ${i} had ended with ${i * 7} agreements. ` +
  `Delegates from ${who} counted ${i + 3} sessions over two days, and a statement promised further meetings.`;

/** A notebook's articles as the harness compares them: everything a sync must carry, nothing it derives. */
async function contentOf(b: Backend) {
  const out: Record<string, unknown> = {};
  for (const e of [...b.store.entries()].sort((x, y) => x.id.localeCompare(y.id))) {
    const r = await b.store.readArticle(e.id);
    out[e.id] = {
      raw: r.raw,
      tags: [...r.tags].sort(),
      userMeta: r.userMeta,
      annotations: r.annotations.map((a) => ({ id: a.id, note: a.note, tags: a.tags, color: a.color, quote: a.quote.exact })).sort((x, y) => x.id.localeCompare(y.id)),
    };
  }
  return out;
}

it('holds through 30+ kills mid-sync: nothing lost, nothing applied or stored twice', async () => {
  const remote = cluster.url('team');
  await cluster.createDatabase('team');
  // Ada's notebook: 20 articles, each with a note, some tagged and corrected (enough batches for 30+ kills even
  // when a run ends within the few ms before its kill).
  let ada = await open('ada');
  const now = new Date().toISOString();
  const records = Array.from({ length: ADAS }, (_, i) => buildRecord({ file: `a${i}.txt`, load: () => ({ text: text(i, 'Ada'), encoding: 'utf-8' }) }, { text: text(i, 'Ada'), encoding: 'utf-8' }, now));
  await ada.store.putArticles(records);
  for (const [i, r] of records.entries()) {
    await ada.handlers['annotations.create']({ articleId: r.id, target: { start: 0, end: 10 }, color: 'yellow', note: `note ${i}`, tags: [] });
    if (i % 3 === 0) await ada.handlers['articles.tag']({ id: r.id, add: ['ankara'], remove: [] });
    if (i % 4 === 0) await ada.handlers['articles.update']({ id: r.id, patch: { outlet: `Outlet ${i}` } });
  }
  await ada.close();
  // Ben's notebook: three articles of his own.
  let ben = await open('ben');
  const his = Array.from({ length: 3 }, (_, i) => buildRecord({ file: `b${i}.txt`, load: () => ({ text: text(i, 'Ben'), encoding: 'utf-8' }) }, { text: text(i, 'Ben'), encoding: 'utf-8' }, now));
  await ben.store.putArticles(his);
  await ben.close();

  const task = (name: string, user: string): SyncChildTask => ({ notebook: join(dir, name), remote, user, batch: 2 });
  // Ada's first push, Ben's first pull and push: killed again and again.
  await syncThroughKills(task('ada', 'Ada'));
  await syncThroughKills(task('ben', 'Ben'));

  // Both edit the same articles between syncs.
  ada = await open('ada');
  ben = await open('ben');
  const shared = records[1]!.id;
  await ada.handlers['articles.tag']({ id: shared, add: ['from-ada'], remove: [] });
  await ben.handlers['articles.tag']({ id: shared, add: ['from-ben'], remove: [] });
  await ben.handlers['annotations.create']({ articleId: records[2]!.id, target: { start: 0, end: 6 }, color: 'blue', note: 'Ben checked this', tags: ['verified'] });
  await ada.handlers['articles.update']({ id: records[5]!.id, patch: { author: 'Ada Correspondent' } });
  await ada.close();
  await ben.close();
  await syncThroughKills(task('ada', 'Ada'));
  await syncThroughKills(task('ben', 'Ben'));
  await syncThroughKills(task('ada', 'Ada'));
  console.log(`sync kill harness: ${kills} kills mid-sync`);
  expect(kills).toBeGreaterThanOrEqual(30);

  ada = await open('ada');
  ben = await open('ben');
  try {
    const [a, b] = [await contentOf(ada), await contentOf(ben)];
    expect(Object.keys(a)).toHaveLength(ADAS + 3);
    expect(b).toEqual(a);
    const sharedTags = (a[shared] as { tags: string[] }).tags;
    expect(sharedTags).toEqual(expect.arrayContaining(['from-ada', 'from-ben']));
    const ids = Object.values(b).flatMap((x) => (x as { annotations: Array<{ id: string }> }).annotations.map((n) => n.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(ADAS + 1);
  } finally {
    await ada.close();
    await ben.close();
  }
  // The server holds each change once, whatever was retried.
  const client = new pg.Client({ connectionString: remote });
  await client.connect();
  try {
    const dup = await client.query(`SELECT device, kind, key, body, count(*) FROM parallax_changes GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`);
    expect(dup.rows).toEqual([]);
    const perArticle = await client.query(`SELECT key, count(*)::int AS n FROM parallax_changes WHERE kind = 'article' GROUP BY key HAVING count(*) > 1`);
    expect(perArticle.rows).toEqual([]);
  } finally {
    await client.end();
  }
  // A harness, not a timed test: ~40 child processes, each starting Node and connecting, on a loaded machine.
}, 900_000);
