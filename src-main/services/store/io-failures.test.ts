import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../../tests/helpers/seeds';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { bundleStoreChild, runStoreChild } from '../../../tests/helpers/bundle-store-child';
import { takeBackup } from '../backup/rolling-backups';
import { buildRecord } from '../importer/build-record';
import { layout } from './notebook-layout';
import { NotebookStore } from './notebook-store';

/**
 * An article file that cannot be read for a moment is intact: it is reported as an I/O error and never
 * replaced by a backup (once, every read failure went to repair, and an intact file unreadable for a
 * moment was replaced by an older backup). Each case here is a real condition, not a mock: root ignores
 * file modes, so permission is taken away by running the reader as `nobody`.
 */
const tempDir = useTempDirs();
const isRoot = process.getuid?.() === 0;
const record = (prefix: string) =>
  buildRecord(
    { file: `${prefix}.txt`, load: () => ({ text: readSeed(prefix), encoding: 'utf-8' }) },
    { text: readSeed(prefix), encoding: 'utf-8' },
    '2026-01-01T00:00:00.000Z',
  );

/** A notebook with a backup, and an acknowledged edit after it: a restore from the backup would lose the edit. */
async function notebookEditedAfterBackup(dir: string) {
  const notebook = join(dir, 'nb');
  const store = await NotebookStore.open(notebook, { create: true, durability: 'none' });
  const [a, b] = [record('003_'), record('004_')];
  await store.putArticles([a, b]);
  await takeBackup(notebook, 'manual');
  await store.updateArticle(a.id, (r) => void (r.userMeta.outlet = 'Edited after the backup'));
  await store.close();
  const file = layout(notebook).article(a.id);
  return { notebook, id: a.id, file, bytes: readFileSync(file) };
}

/** Nothing was repaired: the file is byte for byte what it was, and nothing went to damaged/. */
function expectUntouched(nb: { notebook: string; file: string; bytes: Buffer }) {
  expect(readFileSync(nb.file).equals(nb.bytes), 'the article file is unchanged').toBe(true);
  expect(existsSync(join(nb.notebook, 'damaged')), 'no damaged/ folder').toBe(false);
}

describe('an article file that cannot be read is not damaged', () => {
  it('a folder where the article file should be: IO_ERROR in words, nothing restored, the other articles read', async () => {
    const nb = await notebookEditedAfterBackup(tempDir());
    const moved = `${nb.file}.aside`;
    renameSync(nb.file, moved);
    mkdirSync(nb.file);
    const store = await NotebookStore.open(nb.notebook, { durability: 'none' });
    await store.flush();
    await expect(store.readArticle(nb.id)).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringMatching(/cannot be read: it is a folder, not a file \(EISDIR\)/),
    });
    expect(lstatSync(nb.file).isDirectory()).toBe(true);
    expect(existsSync(join(nb.notebook, 'damaged'))).toBe(false);
    expect(store.notice).toBeNull();
    rmdirSync(nb.file);
    renameSync(moved, nb.file);
    expect((await store.readArticle(nb.id)).userMeta.outlet).toBe('Edited after the backup');
    expectUntouched(nb);
  });

  describe('in a child process', () => {
    let dir: string;
    let child: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'parallax-io-'));
      chmodSync(dir, 0o755); // the child may run as another user
      child = await bundleStoreChild(dir);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.skipIf(!isRoot)(
      'no permission (the reader runs as nobody; needs root to switch user): IO_ERROR, the file unchanged, no backup restored',
      async () => {
        const nb = await notebookEditedAfterBackup(dir);
        const nobody = { uid: 65534, gid: 65534 };
        const chownAll = (path: string) => {
          chownSync(path, nobody.uid, nobody.gid);
          if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) chownAll(join(path, name));
        };
        chownAll(nb.notebook);
        // The article alone is root's and unreadable to others; nobody may write everything else (so a
        // mistaken repair could rename a backup's copy over it, as it once did).
        chownSync(nb.file, 0, 0);
        chmodSync(nb.file, 0o000);
        const asNobody = ['setpriv', `--reuid=${nobody.uid}`, `--regid=${nobody.gid}`, '--clear-groups'];
        // Node must be runnable by nobody; where it is not (installed under /root), a copy is.
        let node = process.execPath;
        if (spawnSync(asNobody[0]!, [...asNobody.slice(1), node, '-e', '0']).status !== 0) {
          node = join(dir, 'node');
          copyFileSync(process.execPath, node);
          chmodSync(node, 0o755);
        }
        const run = runStoreChild(
          child,
          { notebook: nb.notebook, action: 'read', id: nb.id },
          { prefix: asNobody, node, env: { HOME: dir } },
        );
        expect(run.outcome, run.stderr).toMatchObject({ ok: false, code: 'IO_ERROR' });
        const message = (run.outcome as { message: string }).message;
        expect(message).toMatch(/cannot be read: permission denied \(EACCES\)/);
        expect(message).not.toMatch(/damaged|CORRUPT|backup/i);
        chmodSync(nb.file, 0o644);
        expectUntouched(nb);
        const reopened = await NotebookStore.open(nb.notebook, { durability: 'none' });
        expect((await reopened.readArticle(nb.id)).userMeta.outlet).toBe('Edited after the backup');
      },
    );

    it('no file handles left (EMFILE): retried, then IO_ERROR in words; the file unchanged, no backup restored', async () => {
      const nb = await notebookEditedAfterBackup(dir);
      const fewHandles = ['bash', '-c', 'ulimit -n 256 && exec "$0" "$@"'];
      const run = runStoreChild(
        child,
        { notebook: nb.notebook, action: 'read', id: nb.id, exhaustFileHandles: true },
        { prefix: fewHandles },
      );
      expect(run.outcome, run.stderr).toMatchObject({ ok: false, code: 'IO_ERROR' });
      expect((run.outcome as { message: string }).message).toMatch(/too many files are open in Parallax \(EMFILE\)/);
      expectUntouched(nb);
    });

    it('a shortage of file handles that passes: the read is retried and returns the article as it is', async () => {
      const nb = await notebookEditedAfterBackup(dir);
      const fewHandles = ['bash', '-c', 'ulimit -n 256 && exec "$0" "$@"'];
      const run = runStoreChild(
        child,
        { notebook: nb.notebook, action: 'read', id: nb.id, exhaustFileHandles: true, releaseAfterMs: 15 },
        { prefix: fewHandles },
      );
      expect(run.outcome, run.stderr).toEqual({ ok: true, outlet: 'Edited after the backup', tags: [] });
      expectUntouched(nb);
    });
  });
});
