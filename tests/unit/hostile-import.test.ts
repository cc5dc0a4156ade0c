/**
 * A folder of hostile files imported into a notebook that already holds the sample: nothing crashes or
 * hangs, every file gets a result with a clear reason, refused files write nothing, and what was there
 * before is byte for byte unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../src-main/services/backend';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function hostileFolder(root: string): string {
  const dir = join(root, 'hostile');
  mkdirSync(dir);
  const random = Buffer.alloc(4096);
  for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
  writeFileSync(join(dir, 'photo.txt'), random); // binary, with NUL bytes, under a text name
  writeFileSync(
    join(dir, 'invalid-utf8.txt'),
    Buffer.from([
      0x54, 0x61, 0x6c, 0x6b, 0x73, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82, 0x20, 0xf0, 0x28, 0x8c, 0xbc, 0x0a, 0x0a, 0x41, 0x6e, 0x6b,
      0x61, 0x72, 0x61, 0x2e,
    ]),
  );
  const line = 'Officials met in Ankara to discuss security cooperation and border control once again.\n';
  writeFileSync(join(dir, 'huge.txt'), line.repeat(Math.ceil((100 * 1024 * 1024) / line.length))); // 100 MB of real text
  writeFileSync(join(dir, 'million-lines.txt'), 'a\n'.repeat(1_000_000));
  writeFileSync(
    join(dir, 'scripts.html'),
    `<html><head><title>Hostile</title><script>window.__xss=1</script></head><body onload="alert(1)">${'<script>alert(1)</script><img src=x onerror=alert(1)>'.repeat(200)}<a href="javascript:alert(1)">x</a></body></html>`,
  );
  writeFileSync(
    join(dir, 'ctrl\u0001name\tand\nnewline.txt'),
    'Control characters in the name\n\nThe body is ordinary text about talks in Ankara.\n',
  );
  writeFileSync(join(dir, 'rtl\u202Egnp.txt'), 'Right-to-left override in the name\n\nAnother ordinary body about Damascus.\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]); // reading a FIFO would block forever
  symlinkSync(dir, join(dir, 'loop')); // a symlink back to the folder itself
  let deep = join(dir, 'deep');
  for (let i = 0; i < 60; i++) deep = join(deep, `d${i}`);
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, 'bottom.txt'), 'Deep in the tree\n\nA story found sixty folders down.\n');
  return dir;
}

describe('hostile input', () => {
  it('a folder of hostile files: no crash, a clear result for each, nothing written for refused files', async () => {
    const root = tempDir();
    const backend = await openBackend(join(root, 'nb'), { create: true, durability: 'none' });
    await backend.handlers['notebook.importSample']({});
    const before = new Map<string, string>();
    for (const e of backend.store.entries()) before.set(e.id, readFileSync(backend.store.layout.article(e.id), 'utf8'));

    const report = await backend.handlers['articles.importPaths']({ paths: [hostileFolder(root)] });
    const byName = new Map([...report.errors.map((e) => [e.file.split('/').pop()!, e] as const)]);
    expect(byName.get('photo.txt')).toMatchObject({ code: 'BINARY_FILE' });
    expect(byName.get('huge.txt')).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('the limit is 20 MB') });
    expect(byName.get('million-lines.txt')).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('50,000 lines') });
    expect(byName.get('empty.txt')).toMatchObject({ code: 'EMPTY_FILE' });
    expect(byName.get('pipe.txt')).toMatchObject({ code: 'UNREADABLE', message: expect.stringContaining('not a regular file') });
    const imported = new Map(report.imported.map((a) => [a.file.split('/').pop()!, a.id]));
    expect([...imported.keys()].sort()).toEqual(
      ['bottom.txt', 'ctrl\u0001name\tand\nnewline.txt', 'invalid-utf8.txt', 'rtl\u202Egnp.txt', 'scripts.html'].sort(),
    );

    // The HTML was imported as text only: no script, handler or javascript: URL survives anywhere.
    const page = await backend.handlers['articles.get']({ id: imported.get('scripts.html')! });
    expect(JSON.stringify(page)).not.toMatch(/<script|onerror|onload|javascript:/i);
    // Invalid UTF-8 was decoded (not refused), with the damage visible rather than hidden.
    expect((await backend.handlers['articles.get']({ id: imported.get('invalid-utf8.txt')! })).body).toContain('Ankara');

    // Every article that was there before is unchanged, and only the imported ones were added.
    for (const [id, text] of before) expect(readFileSync(backend.store.layout.article(id), 'utf8')).toBe(text);
    expect(backend.store.size).toBe(before.size + report.imported.length);
    await backend.close();
  }, 120_000);
});
