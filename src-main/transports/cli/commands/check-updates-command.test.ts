import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticlePageServer } from '../../../../tests/helpers/article-page-server';
import { PAGE_V2, pageVersion1Html, startArticlePageServer } from '../../../../tests/helpers/article-page-server';
import { runCli } from '../cli-program';

let dir: string;
let server: ArticlePageServer;
let id: string;
let pasted: string;

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--notebook', join(dir, 'nb')], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
  });
  return { code, out, err, json: () => JSON.parse(out) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-updates-'));
  server = await startArticlePageServer();
  // The page saved from the browser names its own address (og:url): the article keeps it.
  writeFileSync(join(dir, 'ferry.html'), pageVersion1Html(server.url));
  writeFileSync(join(dir, 'note.txt'), 'A note typed by hand\n\nThe meeting moved to Thursday, the council said.\n');
  expect((await cli('init')).code).toBe(0);
  expect((await cli('import', join(dir, 'ferry.html'), join(dir, 'note.txt'))).code).toBe(0);
  const list = (await cli('list', '--json')).json() as { id: string; url: string | null }[];
  id = list.find((a) => a.url === server.url)!.id;
  pasted = list.find((a) => a.url === null)!.id;
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parallax check-updates', () => {
  it('says when nothing changed, then keeps the changed text as version 2', async () => {
    const same = await cli('check-updates', id);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/No change since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    server.setVersion(2);
    const r = await cli('check-updates', id, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject([{ id, changed: true, versionCount: 2, titleChanged: true }]);
    const shown = (await cli('show', id, '--json')).json() as { title: string };
    expect(shown.title).toBe(PAGE_V2.headline);
  });

  it('checks the others when one cannot be checked, and exits 1 naming why', async () => {
    const before = readFileSync(join(dir, 'nb', 'articles', pasted.slice(0, 2), `${pasted}.json`));
    const r = await cli('check-updates', pasted, id);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${pasted}  could not be checked:`);
    expect(r.out).toContain('has no web address to check');
    expect(r.out).toContain(`${id}  No change since`);
    expect(readFileSync(join(dir, 'nb', 'articles', pasted.slice(0, 2), `${pasted}.json`)).equals(before)).toBe(true);
  });
});
