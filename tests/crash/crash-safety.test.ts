import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotebookStore } from '../../src-main/services/store/notebook-store';
import { layout } from '../../src-main/services/store/notebook-layout';
import { useTempDirs } from '../helpers/temp-dir';
import type { Operation } from './crash-harness';
import { killHard, rng, startServe, streamUntilKilled } from './crash-harness';

const tempDir = useTempDirs();
const KILLS = Number(process.env.CRASH_KILLS ?? 60);

type State = {
  next: number;
  /** Texts sent whose import was not acknowledged (the server died): sent again later, must never double. */
  unsure: number[];
  acked: Set<string>;
  /** Per article: the last acknowledged outlet, and one sent but not acknowledged. */
  outlets: Map<string, { acked: string | null; pending: string | null }>;
};

const text = (i: number) =>
  `Crash test article ${i}\n\nParagraph one of article ${i}, about talks in Ankara number ${i * 31}.\n\nParagraph two of article ${i}.\n`;

const importOp: Operation<State> = {
  name: 'import',
  async step(api, s) {
    const batch = [...s.unsure.splice(0, 2), ...Array.from({ length: 1 + (s.next % 4) }, () => s.next++)];
    s.unsure.push(...batch);
    const files = batch.map((i) => ({ name: `a${i}.txt`, contentBase64: Buffer.from(text(i)).toString('base64') }));
    const r = (await api('articles.importFiles', { files })) as {
      ok: boolean;
      value: { imported: Array<{ id: string }>; duplicates: Array<{ id: string }> };
    };
    if (!r.ok) throw new Error('import refused');
    for (const a of [...r.value.imported, ...r.value.duplicates]) s.acked.add(a.id);
    s.unsure = s.unsure.filter((i) => !batch.includes(i));
  },
};

const editOp: Operation<State> = {
  name: 'metadata edit',
  async step(api, s, n) {
    const ids = [...s.acked];
    if (ids.length === 0) return importOp.step(api, s, n);
    const id = ids[n % ids.length]!;
    const outlet = `Outlet ${n}`;
    const entry = s.outlets.get(id) ?? { acked: null, pending: null };
    entry.pending = outlet;
    s.outlets.set(id, entry);
    const r = await api('articles.update', { id, patch: { outlet } });
    if (!r.ok) throw new Error(`edit refused: ${r.error?.message}`);
    entry.acked = outlet;
    entry.pending = null;
  },
};

/** Everything a reopened notebook must satisfy after a kill. */
async function verify(notebook: string, s: State): Promise<{ articles: number; recovered: number }> {
  const store = await NotebookStore.open(notebook);
  expect(store.readOnly, store.notice ?? '').toBe(false);
  for (const id of s.acked) expect(store.entry(id), `acknowledged article ${id}`).toBeDefined();
  const fingerprints = new Set<string>();
  for (const e of store.entries()) {
    expect(fingerprints.has(e.fingerprint), `duplicate of ${e.title}`).toBe(false);
    fingerprints.add(e.fingerprint);
    expect((await store.readArticle(e.id)).id).toBe(e.id);
  }
  for (const [id, o] of s.outlets) {
    const outlet = store.entry(id)?.outlet ?? null;
    expect([o.acked, o.pending], `outlet of ${id}`).toContain(outlet);
  }
  await store.flush(); // lets the recovery of cut-off imports finish
  expect(readdirSync(layout(notebook).tmp)).toEqual([]);
  const l = layout(notebook);
  const docs = readdirSync(l.articlesDir).flatMap((d) => readdirSync(join(l.articlesDir, d)));
  expect(docs.length, 'every article file is in the catalog after recovery').toBe(store.size);
  return { articles: store.size, recovered: 0 };
}

describe('crash safety', () => {
  it(`SIGKILL at ${KILLS} random moments during imports and edits loses no acknowledged write and makes no duplicate`, async () => {
    const notebook = join(tempDir(), 'nb');
    await (await NotebookStore.open(notebook, { create: true })).flush();
    const state: State = { next: 0, unsure: [], acked: new Set(), outlets: new Map() };
    const random = rng(Number(process.env.CRASH_SEED ?? 7));
    let steps = 0;
    let last = { articles: 0, recovered: 0 };
    for (let kill = 0; kill < KILLS; kill++) {
      const server = await startServe(notebook);
      const delay = 30 + Math.floor(random() * 700);
      const timer = setTimeout(() => void killHard(server.child), delay);
      steps += await streamUntilKilled(server.api, [importOp, editOp], state, random);
      clearTimeout(timer);
      await killHard(server.child);
      last = await verify(notebook, state);
    }
    console.log(
      `crash harness: ${KILLS} kills, ${steps} write attempts, ${state.acked.size} acknowledged articles, ${last.articles} in the notebook (imports cut off before their acknowledgement are kept, never doubled)`,
    );
    expect(state.acked.size).toBeGreaterThan(KILLS);
  }, 600_000);
});
