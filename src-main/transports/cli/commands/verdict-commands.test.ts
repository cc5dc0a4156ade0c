import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-program';

let dir: string;
let out: string;
let articleId: string;
let otherId: string;

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--notebook', dir], { out: (t) => void (stdout += t), err: (t) => void (stderr += t), env: {} });
  return { code, out: stdout, err: stderr, json: () => JSON.parse(stdout) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-verdict-'));
  out = mkdtempSync(join(tmpdir(), 'parallax-cli-verdict-out-'));
  expect((await cli('init', '--sample')).code).toBe(0);
  const list = (await cli('list', '--json')).json() as { id: string; title: string }[];
  articleId = list.find((a) => a.title.startsWith('Syria FM leads'))!.id;
  otherId = list.find((a) => a.id !== articleId)!.id;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('parallax verdict / verdicts / export --format claimreview', () => {
  it('gives a passage a verdict, lists it, and exports it as ClaimReview', async () => {
    const annotated = await cli('annotate', articleId, '--quote', 'Senior Syrian officials arrived in Turkey on Sunday', '--json');
    const id = (annotated.json() as { id: string }).id;
    const bad = await cli('verdict', id, '--rating', 'mostly-true', '--source-url', 'ftp://example.org/x');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/http:\/\/ or https:\/\//);
    const set = await cli('verdict', id, '--rating', 'mostly-true', '--rationale', 'Confirmed by the ministry', '--source-article', otherId, '--source-url', 'https://example.org/ministry');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain(`Verdict on [${id}]: mostly-true`);

    const listed = await cli('verdicts');
    expect(listed.out).toMatch(/^Mostly true\s+“Senior Syrian officials arrived in Turkey on Sunday” — .* \[\w+\] · 2 source\(s\)$/m);
    const json = (await cli('verdicts', '--rating', 'false', '--json')).json() as { total: number };
    expect(json.total).toBe(0);

    const file = join(out, 'checks.jsonld');
    const noPage = await cli('export', '--format', 'claimreview', '--out', file);
    expect(noPage.code).not.toBe(0);
    expect(noPage.err).toMatch(/--page-url/);
    const exported = await cli('export', '--format', 'claimreview', '--out', file, '--page-url', 'https://checks.example.org/syria', '--author', 'Desk');
    expect(exported.code, exported.err).toBe(0);
    const reviews = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ '@type': 'ClaimReview', url: `https://checks.example.org/syria#verdict-${id}`, reviewRating: { alternateName: 'Mostly true', ratingValue: 4 } });

    const cleared = await cli('verdict', id, '--clear');
    expect(cleared.out).toContain('cleared');
    expect((await cli('verdicts')).out).toBe('No verdicts.\n');
  });
});
