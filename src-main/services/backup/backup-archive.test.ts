import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { annotatedBackend, snapshotDir } from '../../../tests/helpers/annotated-backend';
import { cli } from '../../../tests/helpers/run-cli';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openBackend } from '../backend';
import { BACKUP_MANIFEST, createBackup, restoreBackup } from './backup-archive';
import { ensureDailyBackup, listBackups } from './rolling-backups';

const tempDir = useTempDirs();
const data = (rel: string) => !/^(tmp|backups|search-texts)(\/|$)/.test(rel) && rel !== 'notebook.lock';

describe('backup and restore', () => {
  it('restores a backup into an empty folder with every file identical (CLI round trip)', async () => {
    const dir = tempDir();
    const b = await annotatedBackend(join(dir, 'nb'));
    await b.close();
    writeFileSync(join(dir, 'nb', 'tag-colours.json'), '{"claim":"#ff0000"}'); // other features' small files come along
    const made = await cli(['backup', '--out', join(dir, 'nb.zip'), '--notebook', join(dir, 'nb'), '--json']);
    expect(made.code).toBe(0);
    const restored = await cli(['restore', join(dir, 'nb.zip'), '--notebook', join(dir, 'restored'), '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(snapshotDir(join(dir, 'restored'))).toEqual(snapshotDir(join(dir, 'nb'), (r) => !data(r)));
    const reopened = await openBackend(join(dir, 'restored'));
    expect(reopened.store.size).toBe(5);
    expect((await reopened.store.readArticle('d0000000000000dd')).annotations).toHaveLength(3);
  });

  it('goes on when the search index is being saved meanwhile: index.tmp/ is left out, an index file gone by its turn is skipped', async () => {
    const dir = tempDir();
    const nb = join(dir, 'nb');
    for (let i = 0; i < 210; i++) {
      mkdirSync(join(nb, 'articles', 'aa'), { recursive: true });
      writeFileSync(join(nb, 'articles', 'aa', `${String(i).padStart(3, '0')}.json`), `{"n":${i}}`);
    }
    mkdirSync(join(nb, 'index'), { recursive: true });
    mkdirSync(join(nb, 'index.tmp'), { recursive: true });
    writeFileSync(join(nb, 'index', 'manifest.json'), '{}');
    writeFileSync(join(nb, 'index', 'postings.bin'), 'p');
    writeFileSync(join(nb, 'index.tmp', 'half-written.bin'), 'h');
    writeFileSync(join(nb, 'notebook.json'), '{"schemaVersion":1}');
    // After 200 files (the first progress report), the app swaps its index: a listed file is gone.
    await createBackup(nb, join(dir, 'nb.zip'), (done) => done === 200 && rmSync(join(nb, 'index', 'postings.bin')));
    await restoreBackup(join(dir, 'nb.zip'), join(dir, 'restored'));
    expect(existsSync(join(dir, 'restored', 'index', 'manifest.json'))).toBe(true);
    expect(existsSync(join(dir, 'restored', 'index', 'postings.bin'))).toBe(false);
    expect(existsSync(join(dir, 'restored', 'index.tmp'))).toBe(false);
    expect(readdirSync(join(dir, 'restored', 'articles', 'aa'))).toHaveLength(210);
  });

  it('leaves the search texts out (derived data), and the restored notebook serves search, rebuilding them', async () => {
    const dir = tempDir();
    const b = await openBackend(join(dir, 'nb'), { create: true, durability: 'none', search: { runIn: 'inline', waitForIndexMs: Infinity } });
    await b.handlers['notebook.importSample']({});
    const before = await b.handlers['search.query']({ query: '"security cooperation"', limit: 20, offset: 0 });
    await b.close();
    expect(readdirSync(join(dir, 'nb', 'search-texts'))).toContain('table.json');
    await createBackup(join(dir, 'nb'), join(dir, 'nb.zip'));
    await restoreBackup(join(dir, 'nb.zip'), join(dir, 'restored'));
    expect(existsSync(join(dir, 'restored', 'search-texts'))).toBe(false);
    const restored = await openBackend(join(dir, 'restored'), { durability: 'none', search: { runIn: 'inline', waitForIndexMs: Infinity } });
    const after = await restored.handlers['search.query']({ query: '"security cooperation"', limit: 20, offset: 0 });
    expect(after.hits.map((h) => h.snippets)).toEqual(before.hits.map((h) => h.snippets));
    expect(after.hits.length).toBeGreaterThan(0);
    await restored.close();
    expect(readdirSync(join(dir, 'restored', 'search-texts'))).toContain('table.json');
  });

  it('refuses a non-empty target and leaves it alone', async () => {
    const dir = tempDir();
    await (await annotatedBackend(join(dir, 'nb'))).close();
    await createBackup(join(dir, 'nb'), join(dir, 'a.zip'));
    mkdirSync(join(dir, 'busy'));
    writeFileSync(join(dir, 'busy', 'keep.txt'), 'mine');
    await expect(restoreBackup(join(dir, 'a.zip'), join(dir, 'busy'))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readdirSync(join(dir, 'busy'))).toEqual(['keep.txt']);
  });

  it('refuses truncated, damaged, foreign and non-zip archives, leaving the target untouched and no temp folder behind', async () => {
    const dir = tempDir();
    await (await annotatedBackend(join(dir, 'nb'))).close();
    await createBackup(join(dir, 'nb'), join(dir, 'good.zip'));
    const good = readFileSync(join(dir, 'good.zip'));

    writeFileSync(join(dir, 'truncated.zip'), good.subarray(0, Math.floor(good.length * 0.6)));
    const flipped = Buffer.from(good);
    flipped[Math.floor(good.length / 3)]! ^= 0xff;
    writeFileSync(join(dir, 'damaged.zip'), flipped);
    writeFileSync(join(dir, 'foreign.zip'), zipSync({ 'notes/readme.txt': strToU8('hello'), 'notebook.json': strToU8('{}') }));
    writeFileSync(
      join(dir, 'lying.zip'),
      zipSync({
        [BACKUP_MANIFEST]: strToU8(
          JSON.stringify({ format: 'parallax-backup', version: 1, files: [{ path: 'notebook.json', size: 2, sha256: '0'.repeat(64) }] }),
        ),
        'notebook.json': strToU8('{}'),
      }),
    );
    writeFileSync(join(dir, 'slip.zip'), zipSync({ '../evil.txt': strToU8('x') }));
    writeFileSync(join(dir, 'text.zip'), 'this is not a zip at all');
    writeFileSync(join(dir, 'empty.zip'), '');

    mkdirSync(join(dir, 'target'));
    for (const [name, msg] of [
      ['truncated.zip', /truncated|incomplete|damaged/],
      ['damaged.zip', /damaged|checksum|incomplete|truncated/],
      ['foreign.zip', /not a Parallax backup|truncated/],
      ['lying.zip', /does not match its checksum/],
      ['slip.zip', /unsafe path/],
      ['text.zip', /not a zip archive/],
      ['empty.zip', /not a zip archive/],
    ] as const) {
      await expect(restoreBackup(join(dir, name), join(dir, 'target')), name).rejects.toThrow(msg);
      expect(readdirSync(join(dir, 'target')), name).toEqual([]);
      expect(
        readdirSync(dir).filter((n) => n.includes('.restore-')),
        name,
      ).toEqual([]);
    }
    expect(existsSync(join(dir, 'evil.txt'))).toBe(false);
    const viaCli = await cli(['restore', join(dir, 'truncated.zip'), '--notebook', join(dir, 'target'), '--json']);
    expect(viaCli.code).toBe(1);
    expect(JSON.parse(viaCli.stdout)).toMatchObject({ error: { code: 'CORRUPT' } });
  });

  it('takes a daily backup when the newest is over a day old, and keeps only the last seven daily ones', async () => {
    const dir = tempDir();
    const nb = join(dir, 'nb');
    await (await annotatedBackend(nb)).close();
    expect(await ensureDailyBackup(nb)).not.toBeNull();
    expect(await ensureDailyBackup(nb)).toBeNull(); // one a day
    const backups = join(nb, 'backups');
    const old = Date.now() / 1000 - 3 * 86400;
    for (let i = 0; i < 9; i++) {
      const f = join(backups, `daily-2020-01-0${i + 1}T00-00-00-000Z.zip`);
      writeFileSync(f, readFileSync(join(backups, readdirSync(backups)[0]!)));
      utimesSync(f, old - i * 86400, old - i * 86400);
    }
    for (const f of readdirSync(backups)) if (!f.startsWith('daily-2020')) utimesSync(join(backups, f), old + 1000, old + 1000);
    writeFileSync(join(backups, 'before-migration-v0-x.zip'), 'kept');
    utimesSync(join(backups, 'before-migration-v0-x.zip'), old - 30 * 86400, old - 30 * 86400);
    const made = await ensureDailyBackup(nb);
    expect(made).not.toBeNull();
    const left = readdirSync(backups);
    expect(left.filter((f) => f.startsWith('daily-'))).toHaveLength(7);
    expect(left).toContain('before-migration-v0-x.zip');
    expect((await listBackups(nb))[0]!.path).toBe(made!.path);
    expect(statSync(made!.path).size).toBeGreaterThan(1000);
  });

  it('takes the daily backup in the background when the app opens a notebook', async () => {
    const dir = tempDir();
    const nb = join(dir, 'nb');
    await (await annotatedBackend(nb)).close();
    const b = await openBackend(nb, { dailyBackup: true });
    await b.close();
    expect(readdirSync(join(nb, 'backups')).filter((f) => f.startsWith('daily-'))).toHaveLength(1);
  });

  it('refuses an archive cut off after 200 bytes and creates no target folder', async () => {
    const dir = tempDir();
    await (await annotatedBackend(join(dir, 'nb'))).close();
    await createBackup(join(dir, 'nb'), join(dir, 'a.zip'));
    truncateSync(join(dir, 'a.zip'), 200);
    await expect(restoreBackup(join(dir, 'a.zip'), join(dir, 'new'))).rejects.toMatchObject({ code: 'CORRUPT' });
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });
});
