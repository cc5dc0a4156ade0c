import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-program';
import { terminalSafe } from './cli-io';

/**
 * Titles, file names and story names that try to drive the terminal: colours (CSI), a hyperlink to another
 * address (OSC 8), a clipboard write (OSC 52), the bell, backspace and DEL, a one-byte C1 CSI, and bidi
 * overrides and isolates that make "exe.png" read as "gnp.exe".
 */
const CONTROLS =
  '\u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u001b]52;c;ZXZpbA==\u0007 \u0007bell \bback \u007fdel \u009b31m \u202egnp.exe\u202c \u2066iso\u2069';
// eslint-disable-next-line no-control-regex -- the characters a terminal acts on, which must never be printed raw
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const hostileText = `Evil ${CONTROLS}\n\nANKARA (Reuters) - Officials met in Ankara on Sunday ${CONTROLS} to discuss border security between the two countries.\n\nThe minister said the talks were productive and that more meetings would follow next week in the capital.\n`;

let root: string;
let nb: string;
let hostileFile: string;
let id: string;
let sampleId: string;
let imported: Awaited<ReturnType<typeof cli>>;

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--notebook', nb], { out: (t) => void (out += t), err: (t) => void (err += t), env: {} });
  return { code, out, err, all: out + err };
}

/** What the command printed holds none of the characters, and shows them as visible escapes instead. */
function expectInert(printed: string, shows = '\\u001b]8;;') {
  expect(printed).not.toMatch(UNSAFE);
  expect(printed).toContain(shows);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parallax-cli-terminal-'));
  nb = join(root, 'nb');
  // A file name cannot hold a slash, so its hyperlink points at a host name.
  hostileFile = join(root, `evil-\u001b]8;;evil.example\u0007link\u0007-\r\n-\u202egnp.txt`);
  writeFileSync(hostileFile, hostileText);
  expect((await cli('init', '--sample')).code).toBe(0);
  imported = await cli('import', hostileFile);
  expect(imported.code, imported.all).toBe(0);
  const list = JSON.parse((await cli('list', '--json')).out) as Array<{ id: string; title: string; file: string }>;
  const hostile = list.find((a) => a.title.startsWith('Evil'))!;
  expect(hostile.file).toBe(hostileFile); // --json gives the exact value back
  id = hostile.id;
  sampleId = list.find((a) => a !== hostile)!.id;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('CLI output never drives the terminal (hostile titles, file names, names)', () => {
  it('terminalSafe shows each control as a visible escape, and keeps tab and line feed', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\rd\be\u009bf\u202eg\u2069h\ti\nj')).toBe(
      'a\\u001b[2Jb\\u0007c\\rd\\be\\u009bf\\u202eg\\u2069h\ti\nj',
    );
  });

  it('import', () => {
    expectInert(imported.out);
    // The line break in the file name is shown, not obeyed: the report keeps one line per file.
    expect(imported.out.split('\n').filter((l) => l.startsWith('imported'))).toHaveLength(1);
    expect(imported.out).toContain('-\\r\\n-\\u202egnp.txt)');
  });

  it('list and show', async () => {
    expectInert((await cli('list')).out);
    const show = await cli('show', id);
    expectInert(show.out);
    expect(show.out).toContain('\\u202egnp.txt');
  });

  it('search', async () => {
    const r = await cli('search', 'Officials Ankara');
    expect(r.code, r.all).toBe(0);
    expectInert(r.all);
  });

  it('annotate, annotations and tag', async () => {
    const a = await cli('annotate', id, '--quote', `Sunday ${CONTROLS}`, '--note', `see ${CONTROLS}`);
    expect(a.code, a.all).toBe(0);
    expectInert(a.out);
    expectInert((await cli('annotations', '--article', id)).out);
    const t = await cli('tag', id, 'topic/security');
    expect(t.code, t.all).toBe(0);
    expectInert(t.out);
    expect((await cli('tags')).out).not.toMatch(UNSAFE);
  });

  it('compare, related and story', async () => {
    const compared = await cli('compare', id, sampleId);
    expect(compared.code, compared.all).toBe(0);
    expect(compared.all).not.toMatch(UNSAFE);
    const table = await cli('compare', id, sampleId, '--table', 'claims');
    expect(table.code, table.all).toBe(0);
    expectInert(table.out);
    expectInert((await cli('related', sampleId, '--limit', '20')).out);
    const name = `story \u202egnp.exe\u202c \u2066x\u2069`;
    const s = await cli('story', 'create', name, id);
    expect(s.code, s.all).toBe(0);
    expectInert(s.out, 'story \\u202egnp.exe\\u202c');
    expectInert((await cli('story', 'list')).out, '\\u202egnp.exe');
  });

  it('export, backup, restore and reimport name hostile paths safely', async () => {
    const folder = join(root, `out-\u001b]8;;evil.example\u0007link-\u202e`);
    mkdirSync(folder);
    expectInert((await cli('export', '--format', 'md', '--out', join(folder, 'notes.md'))).out);
    expectInert((await cli('backup', '--out', join(folder, 'b.zip'))).out);
    const restored = await runCli(['restore', join(folder, 'b.zip'), '--notebook', join(folder, 'restored')], {
      out: (t) => expectInert(t),
      err: (t) => expect(t).not.toMatch(UNSAFE),
      env: {},
    });
    expect(restored).toBe(0);
    // An article's file name may not hold control characters (the API refuses them), but bidi ones pass.
    const corrected = join(root, `corrected-\u202egnp.txt`);
    const more = 'The minister said the talks were productive and that more meetings would follow next week. '.repeat(20);
    writeFileSync(corrected, `Evil ${CONTROLS}\n\nANKARA (Reuters) - Officials met in Ankara on Sunday.\n\n${more}\n`);
    const re = await cli('reimport', id, corrected);
    expect(re.code, re.all).toBe(0);
    expectInert(re.out);
    expect(re.out).toContain('corrected-\\u202egnp.txt');
  });

  it('error messages echo hostile input safely', async () => {
    const limit = await cli('list', '--limit', '\u009b31m\u202e1');
    expect(limit.code).toBe(2);
    expectInert(limit.err, '\\u009b31m\\u202e1');
    const option = await cli('list', '--\u001b]8;;evil.example\u0007x');
    expect(option.code).toBe(2);
    expectInert(option.err);
    const missing = await cli('import', join(root, `missing-\u001b]8;;evil.example\u0007link.txt`));
    expectInert(missing.all);
  });

  it('--json stays valid JSON with the exact values, and escapes C1 and bidi characters too', async () => {
    const r = await cli('list', '--json');
    expect(r.out).not.toMatch(UNSAFE);
    const hostile = (JSON.parse(r.out) as Array<{ id: string; title: string; file: string }>).find((a) => a.id === id)!;
    expect(hostile.title).toContain(CONTROLS.trim().slice(0, 40));
    expect(hostile.title).toContain('\u009b31m \u202egnp.exe\u202c \u2066iso\u2069');
    const err = await cli('show', 'nope\u202e', '--json');
    expect(err.out).not.toMatch(UNSAFE);
    expect(JSON.parse(err.out)).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });
});
