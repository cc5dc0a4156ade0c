/**
 * Bulk tag operations sent together to a real `parallax serve`, killed with SIGKILL while one of them is
 * under way: after each kill the notebook is reopened (which finishes the interrupted operation) and every
 * operation is either done on every article and passage or on none. Before bulk operations took turns they
 * shared one journal slot, and a tag stayed half renamed after 10 of 12 such kills.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src-main/services/backend';
import { openBackend } from '../../src-main/services/backend';
import { callHandler } from '../helpers/api';
import { useTempDirs } from '../helpers/temp-dir';
import { killHard, rng, startServe } from './crash-harness';

const tempDir = useTempDirs();
const KILLS = Number(process.env.TAG_CRASH_KILLS ?? 6);
const ARTICLES = 16;

/** Five operations on separate tags, so each one's outcome can be read on its own. */
const operations = (round: number) =>
  [
    ['tags.rename', { from: `a${round}`, to: `ra${round}` }, [`a${round}`], `ra${round}`],
    ['tags.merge', { from: [`b${round}`, `c${round}`], into: `rb${round}` }, [`b${round}`, `c${round}`], `rb${round}`],
    ['tags.delete', { tag: `d${round}` }, [`d${round}`], null],
    ['tags.rename', { from: `e${round}`, to: `re${round}` }, [`e${round}`], `re${round}`],
    ['tags.delete', { tag: `f${round}` }, [`f${round}`], null],
  ] as const;

async function taggedNotebook(dir: string): Promise<string> {
  const notebook = join(dir, 'nb');
  const b = await openBackend(notebook, { create: true, durability: 'none' });
  const files = Array.from({ length: ARTICLES }, (_, i) => ({
    name: `a${i}.txt`,
    contentBase64: Buffer.from(`Tag crash article ${i}\n\nTalks in Ankara, report number ${i * 7919}.\n`).toString('base64'),
  }));
  const ids = (await b.handlers['articles.importFiles']({ files })).imported.map((a) => a.id);
  const tags = Array.from({ length: KILLS }, (_, round) => operations(round).flatMap(([, , from]) => from)).flat();
  for (const id of ids) await call(b, 'articles.tag', { id, add: tags });
  for (const id of ids.slice(0, 4)) await call(b, 'annotations.create', { articleId: id, target: { start: 0, end: 9 }, tags });
  await b.close();
  return notebook;
}

/** Tag lists of every article and passage, after the reopened notebook finished what the kill interrupted. */
async function tagLists(b: Backend): Promise<string[][]> {
  await b.handlers['tags.list']({});
  const passages = ((await call(b, 'annotations.list', { limit: 1000 })) as { items: Array<{ tags: string[] }> }).items.map((a) => a.tags);
  return [...[...b.store.entries()].map((e) => e.tags), ...passages];
}

async function call(b: Backend, method: Parameters<typeof callHandler>[1], payload: unknown): Promise<unknown> {
  const r = await callHandler(b.handlers, method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const pending = (notebook: string) => {
  try {
    return JSON.parse(readFileSync(join(notebook, 'tags.json'), 'utf8')).pending !== null;
  } catch {
    return false;
  }
};

describe('concurrent bulk tag operations, killed part-way', () => {
  it(`${KILLS} kills: no operation is ever half done`, async () => {
    const notebook = await taggedNotebook(tempDir());
    const random = rng(16);
    let interrupted = 0;
    let acknowledged = 0;
    for (let round = 0; round < KILLS; round++) {
      const server = await startServe(notebook);
      const acks = new Set<number>();
      operations(round).forEach(
        ([method, input], i) =>
          void server
            .api(method, input)
            .then((r) => r.ok && acks.add(i))
            .catch(() => undefined),
      );
      // Kill while an operation is in the journal: soon after one starts, at a random point among its articles.
      while (!pending(notebook) && acks.size < 5 && server.child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, Math.floor(random() * 1500)));
      if (pending(notebook)) interrupted++;
      await killHard(server.child);
      acknowledged += acks.size;

      const b = await openBackend(notebook, { durability: 'none' });
      try {
        const lists = await tagLists(b);
        for (const [i, [method, input, from, to]] of operations(round).entries()) {
          const done = lists.map((tags) => from.every((t) => !tags.includes(t)));
          expect(new Set(done).size, `round ${round}: ${method} ${JSON.stringify(input)} is half done`).toBe(1);
          if (to) expect(lists.every((tags) => tags.includes(to) === done[0])).toBe(true);
          if (acks.has(i)) expect(done[0], `round ${round}: acknowledged ${method} undone`).toBe(true);
        }
        expect(JSON.parse(readFileSync(join(notebook, 'tags.json'), 'utf8')).pending).toBeNull();
      } finally {
        await b.close();
      }
    }
    console.log(`tag crash: ${KILLS} kills, ${interrupted} with an operation in the journal, ${acknowledged} operations acknowledged`);
    expect(interrupted).toBeGreaterThan(0);
  }, 300_000);
});
