import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-program';

let dir: string;
let articleId: string;

/** Run the CLI in-process against the test notebook; returns exit code and what it printed. */
async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--notebook', dir], { out: (t) => void (out += t), err: (t) => void (err += t), env: {} });
  return { code, out, err, json: () => JSON.parse(out) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-annot-'));
  expect((await cli('init', '--sample')).code).toBe(0);
  const list = (await cli('list', '--json')).json() as { id: string; title: string }[];
  articleId = list.find((a) => a.title.startsWith('Syria FM leads'))!.id;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parallax annotate / annotations / tag', () => {
  it('annotates a quote with a note, tags and colour, and returns the annotation as JSON', async () => {
    const r = await cli(
      'annotate',
      articleId,
      '--quote',
      'Ashraf Abu Qasra',
      '--note',
      'Wrong name',
      '--tag',
      'claim/attribution',
      '--tag',
      'actor/syria',
      '--color',
      'pink',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      articleId,
      color: 'pink',
      note: 'Wrong name',
      tags: ['claim/attribution', 'actor/syria'],
      quote: { exact: 'Ashraf Abu Qasra' },
      anchor: { status: 'ok' },
    });
  });

  it('fails clearly on a quote that is missing or ambiguous', async () => {
    const missing = await cli('annotate', articleId, '--quote', 'not there at all', '--json');
    expect(missing.code).toBe(1);
    expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('is not in the article') } });
    const ambiguous = await cli('annotate', articleId, '--quote', 'Syria');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toMatch(/occurs \d+ times.*prefix or suffix/);
    const resolved = await cli('annotate', articleId, '--quote', 'Syria', '--prefix', 'security situation in ', '--json');
    expect(resolved.code).toBe(0);
  });

  it('refuses a colour that does not exist', async () => {
    const r = await cli('annotate', articleId, '--quote', 'Ankara', '--color', 'red');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/yellow, green, blue/);
  });

  it('lists annotations, filtered by article and by parent tag', async () => {
    const all = (await cli('annotations', '--json')).json() as unknown[];
    expect(all).toHaveLength(2);
    const claims = (await cli('annotations', '--tag', 'claim', '--json')).json() as { quote: { exact: string } }[];
    expect(claims.map((a) => a.quote.exact)).toEqual(['Ashraf Abu Qasra']);
    expect((await cli('annotations', '--article', articleId)).out).toMatch(/2 annotation\(s\)/);
  });

  it('tags and untags an article', async () => {
    const added = await cli('tag', articleId, 'topic/security', 'actor/türkiye', '--json');
    expect(added.json().tags).toEqual(['topic/security', 'actor/türkiye']);
    const removed = await cli('tag', '--remove', articleId, 'actor/türkiye', '--json');
    expect(removed.json().tags).toEqual(['topic/security']);
    const bad = await cli('tag', articleId, 'a//b', '--json');
    expect(bad.code).toBe(1);
    expect(bad.json().error.message).toMatch(/empty level/);
  });

  it('lists, renames and deletes tags', async () => {
    expect((await cli('tags')).out).toMatch(/claim\s+0 article\(s\), 1 passage\(s\)/);
    expect((await cli('tags', 'rename', 'claim', 'assertion')).out).toMatch(/0 article\(s\) and 1 passage\(s\) changed/);
    const names = ((await cli('tags', '--json')).json() as { name: string }[]).map((t) => t.name);
    expect(names).toContain('assertion/attribution');
    expect((await cli('tags', 'delete', 'assertion')).code).toBe(0);
    expect(((await cli('annotations', '--json')).json() as { tags: string[] }[])[0]!.tags).not.toContain('assertion/attribution');
  });
});
