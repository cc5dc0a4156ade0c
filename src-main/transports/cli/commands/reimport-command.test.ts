import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-program';

let dir: string;
let id: string;
let otherTitle: string;
const SEEDS = join(__dirname, '../../../../resources/sample');
const MINISTERS = 'defence minister Ashraf Abu Qasra, and intelligence chief';

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
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-reimport-'));
  expect((await cli('init', '--sample')).code).toBe(0);
  const list = (await cli('list', '--json')).json() as { id: string; title: string }[];
  id = list.find((a) => a.title.startsWith('Syria FM leads'))!.id;
  otherTitle = list.find((a) => a.id !== id && a.title.includes('Shaibani'))?.title ?? list.find((a) => a.id !== id)!.title;
  expect((await cli('annotate', id, '--quote', MINISTERS)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parallax reimport', () => {
  it('replaces the text from a corrected Windows-1252 file and reports the annotations', async () => {
    const seed = readFileSync(join(SEEDS, '003_7604c3ab70cf3cc1.txt'), 'utf8').replace('Ashraf Abu Qasra', 'Murhaf Abu Qasra');
    const file = join(dir, 'corrected.txt');
    // "Güler" in Latin-1 bytes: decoded by the importer's detection, not read as UTF-8.
    writeFileSync(file, Buffer.from(seed.replace('Yasar Guler', 'Yasar Güler'), 'latin1'));
    const r = await cli('reimport', id, file, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ id, file, encoding: 'windows-1252', changed: true, annotations: { ok: 0, drifted: 1, orphaned: 0 } });
    const shown = (await cli('show', id, '--json')).json() as { body: string; encoding: string };
    expect(shown.body).toContain('Murhaf Abu Qasra');
    expect(shown.body).toContain('Yasar Güler');
    expect(shown.encoding).toBe('windows-1252');

    const again = await cli('reimport', id, file);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Text unchanged/);
    expect(again.out).toMatch(/1 annotation: 0 kept, 1 moved \(drifted\), 0 orphaned/);
  });

  it('exits non-zero with a JSON error for a bad id, a missing file and a duplicate', async () => {
    const file = join(dir, 'some.txt');
    writeFileSync(file, 'A short corrected article.\n\nWith a second paragraph.\n');
    const unknown = await cli('reimport', 'ffffffffffffffff', file, '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No article with id ffffffffffffffff' } });
    const malformed = await cli('reimport', 'NOT-AN-ID', file, '--json');
    expect(malformed.code).not.toBe(0);
    expect(malformed.json().error.code).toBe('BAD_INPUT');

    const missing = await cli('reimport', id, join(dir, 'nope.txt'), '--json');
    expect(missing.code).toBe(1);
    expect(missing.json()).toEqual({ error: { code: 'UNREADABLE', message: expect.stringContaining('does not exist') } });
    expect(missing.err).toMatch(/^parallax: .*nope\.txt does not exist/);

    const before = (await cli('show', id, '--json')).json() as { raw: string };
    const list = (await cli('list', '--json')).json() as { id: string; title: string; file: string }[];
    const other = list.find((a) => a.title === otherTitle)!;
    const copy = join(dir, 'copy-of-other.txt');
    writeFileSync(copy, readFileSync(join(SEEDS, other.file.replace(/^.*[\\/]/, ''))));
    const dup = await cli('reimport', id, copy, '--json');
    expect(dup.code).toBe(1);
    expect(dup.json().error.code).toBe('CONFLICT');
    expect(dup.json().error.message).toContain(otherTitle);
    expect(((await cli('show', id, '--json')).json() as { raw: string }).raw).toBe(before.raw);
  });

  it('has help', async () => {
    const r = await cli('reimport', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: parallax reimport \[options\] <id> <file>/);
    expect(r.out).toMatch(/orphaned/);
  });
});
