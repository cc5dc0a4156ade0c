import { mkdirSync, readFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, readSeed, seedsDir } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openBackend } from '../backend';
import { newArticleId } from './import-articles';

const tempDir = useTempDirs();

async function freshBackend() {
  const dir = tempDir();
  return { dir, backend: await openBackend(join(dir, 'nb'), { create: true, durability: 'none' }) };
}

/** Everything on disk under the notebook, so a test can prove a refused import changed nothing. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

describe('importing files and folders', () => {
  it('imports the seed folder, then reports every file as a duplicate the second time', async () => {
    const { backend } = await freshBackend();
    const first = await backend.handlers['articles.importPaths']({ paths: [seedsDir] });
    expect(first.imported).toHaveLength(5);
    expect(first.errors.map((e) => e.code)).toEqual(['UNSUPPORTED']); // manifest.json is not a text article
    const second = await backend.handlers['articles.importPaths']({ paths: [seedsDir] });
    expect(second.imported).toHaveLength(0);
    expect(second.duplicates.map((d) => d.id).sort()).toEqual(first.imported.map((a) => a.id).sort());
    expect(backend.store.size).toBe(5);
  });

  it('treats the same story with different line endings, quotes and page furniture as a duplicate', async () => {
    const { dir, backend } = await freshBackend();
    const original = readSeed('003_');
    const variant = `${original.replace(/\n/g, '\r\n').replace(/"/g, '“')}\r\n\r\nShare this article\r\n`;
    writeFileSync(join(dir, 'a.txt'), original);
    writeFileSync(join(dir, 'b.txt'), variant);
    const r = await backend.handlers['articles.importPaths']({ paths: [join(dir, 'a.txt'), join(dir, 'b.txt')] });
    expect(r.imported).toHaveLength(1);
    expect(r.duplicates).toEqual([{ file: join(dir, 'b.txt'), id: r.imported[0]!.id }]);
  });

  it('refuses bad files with a clear message naming each one, keeps going, and leaves the notebook unchanged', async () => {
    const { dir, backend } = await freshBackend();
    await backend.handlers['articles.importPaths']({ paths: [join(seedsDir, '000_8f741ed5d6140f33.txt')] });
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'blank.txt'), '  \n\n \t\n');
    writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]));
    writeFileSync(join(bad, 'huge.txt'), '');
    truncateSync(join(bad, 'huge.txt'), 21 * 1024 * 1024); // sparse: 21 MB without writing 21 MB
    symlinkSync(join(bad, 'does-not-exist.txt'), join(bad, 'broken-link.txt'));
    writeFileSync(join(bad, 'lines.txt'), 'a\n'.repeat(1_000_000));
    const before = snapshot(join(dir, 'nb'));
    const r = await backend.handlers['articles.importPaths']({ paths: [bad, join(dir, 'missing.txt')] });
    expect(r.imported).toEqual([]);
    const byFile = Object.fromEntries(r.errors.map((e) => [e.file.replace(`${dir}/`, ''), [e.code, e.message]]));
    expect(byFile['bad/empty.txt']).toEqual(['EMPTY_FILE', `${join(bad, 'empty.txt')} is empty`]);
    expect(byFile['bad/blank.txt']?.[0]).toBe('EMPTY_FILE');
    expect(byFile['bad/binary.txt']).toEqual(['BINARY_FILE', expect.stringContaining('binary.txt looks like a binary file')]);
    expect(byFile['bad/huge.txt']).toEqual(['TOO_LARGE', expect.stringMatching(/huge\.txt is 21\.0 MB; the limit is 20 MB/)]);
    expect(byFile['bad/broken-link.txt']).toEqual(['UNREADABLE', expect.stringContaining('broken-link.txt does not exist')]);
    expect(byFile['missing.txt']?.[0]).toBe('UNREADABLE');
    expect(byFile['bad/lines.txt']).toEqual(['TOO_LARGE', expect.stringContaining('lines.txt has more than 50,000 lines')]);
    expect(snapshot(join(dir, 'nb'))).toEqual(before);
  });

  it('imports a folder of thousands of files, reporting each', async () => {
    const { dir, backend } = await freshBackend();
    const many = join(dir, 'many', 'nested', 'deeper');
    mkdirSync(many, { recursive: true });
    for (let i = 0; i < 2500; i++)
      writeFileSync(
        join(many, `${String(i).padStart(4, '0')}.txt`),
        `Report number ${i}\n\nBody of report ${i} with unique text ${i * 7919}.\n`,
      );
    writeFileSync(join(many, '0007-copy.txt'), 'Report number 7\n\nBody of report 7 with unique text 55433.\n');
    const progress: number[] = [];
    const backend2 = await openBackend(join(dir, 'nb'), {
      durability: 'none',
      emit: (e, p) => e === 'import.progress' && progress.push((p as { done: number }).done),
    });
    const r = await backend2.handlers['articles.importPaths']({ paths: [join(dir, 'many')] });
    expect(r.imported).toHaveLength(2500);
    expect(r.duplicates).toHaveLength(1);
    expect(r.errors).toEqual([]);
    expect(progress.at(-1)).toBe(2501);
    expect(backend.store.size).toBe(0); // the first backend object is stale, not the notebook
    expect((await openBackend(join(dir, 'nb'))).store.size).toBe(2500);
  });

  it('imports uploaded files (drag and drop, web file dialog) from base64, with the same checks', async () => {
    const { backend } = await freshBackend();
    const r = await backend.handlers['articles.importFiles']({
      files: [
        {
          name: 'latin1.txt',
          contentBase64: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35, 0x0a, 0x0a, 0x54, 0x65, 0x78, 0x74, 0x2e]).toString(
            'base64',
          ),
        },
        { name: 'empty.txt', contentBase64: '' },
      ],
    });
    expect(r.imported).toHaveLength(1);
    expect(r.errors).toEqual([{ file: 'empty.txt', code: 'EMPTY_FILE', message: 'empty.txt is empty' }]);
    const a = await backend.handlers['articles.get']({ id: r.imported[0]!.id });
    expect(a.raw).toBe('Café £5\n\nText.');
    expect(a.encoding).toBe('windows-1252');
  });

  const bbc = corpus('01-bbc-news-fulltext');
  it.runIf(bbc)('imports the BBC corpus: every byte-identical pair in duplicates.csv is reported once, 199.txt keeps its £', { timeout: 180_000 }, async () => {
    const { backend } = await freshBackend();
    const r = await backend.handlers['articles.importPaths']({ paths: [join(bbc!, 'bbc')] });
    expect(r.errors).toEqual([]);
    const fileOf = new Map(r.imported.map((a) => [a.id, a.file]));
    const reported = new Set(
      r.duplicates.map((d) =>
        [fileOf.get(d.id)!, d.file]
          .map((f) => f.slice(f.indexOf('bbc/')))
          .sort()
          .join(' '),
      ),
    );
    const pairs = readFileSync(join(bbc!, 'duplicates.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .filter((l) => l.startsWith('byte-identical,'))
      .map((l) => l.split(',')[1]!.trim().split(' ').sort().join(' '));
    expect(pairs).toHaveLength(98);
    for (const p of pairs) expect(reported).toContain(p);
    expect(r.imported.length + r.duplicates.length).toBe(2226); // 2,225 articles + README.TXT
    const sport199 = r.imported.find((a) => a.file.endsWith('sport/199.txt'))!;
    expect((await backend.handlers['articles.get']({ id: sport199.id })).body).toContain('£');
  });
});

describe('symbolic links in a folder import', () => {
  const story = (name: string) => `${name}\n\nA story about talks in Ankara, filed as ${name} on Sunday.\n`;

  it('follows no link out of the folder (file or folder), says so, keeps links inside it, and walks a loop once', async () => {
    const { dir, backend } = await freshBackend();
    const outside = join(dir, 'outside');
    mkdirSync(join(outside, 'private'), { recursive: true });
    writeFileSync(join(outside, 'secret.txt'), story('Outside secret'));
    writeFileSync(join(outside, 'private', 'diary.txt'), story('Outside diary'));
    const folder = join(dir, 'folder');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'own.txt'), story('Own story'));
    writeFileSync(join(folder, 'sub', 'nested.txt'), story('Nested story'));
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'secret-link.txt')); // a file outside, absolute
    symlinkSync('../outside/private', join(folder, 'private-link')); // a folder outside, relative
    symlinkSync(join('..', 'outside', 'missing.txt'), join(folder, 'gone-outside.txt')); // broken, outside
    symlinkSync('own.txt', join(folder, 'zz-own-link.txt')); // a file inside
    symlinkSync('sub', join(folder, 'a-sub-link')); // a folder inside, reached before sub itself
    symlinkSync('..', join(folder, 'sub', 'up')); // a loop back to the folder

    const r = await backend.handlers['articles.importPaths']({ paths: [folder] });
    const rel = (f: string) => f.replace(`${folder}/`, '');
    expect(r.imported.map((a) => rel(a.file)).sort()).toEqual(['a-sub-link/nested.txt', 'own.txt']);
    expect(r.duplicates.map((d) => rel(d.file))).toEqual(['zz-own-link.txt']);
    const byFile = Object.fromEntries(r.errors.map((e) => [rel(e.file), e]));
    expect(byFile['secret-link.txt']).toEqual({
      file: join(folder, 'secret-link.txt'),
      code: 'FORBIDDEN',
      message: `${join(folder, 'secret-link.txt')} was skipped: it is a link to ${join(outside, 'secret.txt')}, outside the folder being imported`,
    });
    expect(byFile['private-link']).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(`link to ${join(outside, 'private')}, outside`),
    });
    expect(byFile['gone-outside.txt']).toMatchObject({ code: 'FORBIDDEN' });
    expect(byFile['a-sub-link/up']).toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringContaining('a folder this import already reads'),
    });
    expect(JSON.stringify(r)).not.toMatch(/Outside secret|Outside diary/);
    expect(backend.store.size).toBe(2);
  });

  it('still imports a file the user names, even a link to one elsewhere', async () => {
    const { dir, backend } = await freshBackend();
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'chosen.txt'), story('Chosen story'));
    symlinkSync(join(dir, 'elsewhere', 'chosen.txt'), join(dir, 'chosen-link.txt'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'folder-link'));
    const r = await backend.handlers['articles.importPaths']({ paths: [join(dir, 'chosen-link.txt')] });
    expect(r.imported).toHaveLength(1);
    expect(r.errors).toEqual([]);
    // A folder named through a link is that folder: its own files are inside it.
    const again = await backend.handlers['articles.importPaths']({ paths: [join(dir, 'folder-link')] });
    expect(again.duplicates).toEqual([{ file: join(dir, 'folder-link', 'chosen.txt'), id: r.imported[0]!.id }]);
    expect(again.errors).toEqual([]);
  });
});

describe('article ids', () => {
  it('are 16 hex digits and distinct across many refills of the random pool', () => {
    const ids = Array.from({ length: 5000 }, () => newArticleId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
