import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../backend';
import { layout } from './notebook-layout';

/**
 * With the disk full, a write reported as failed must never appear later, and the failure says what it
 * is. Once, stories and saved searches changed in memory before their file was written (so the failed
 * change was served, and saved by the next write), an import reported as failed came back at the next
 * open, and ENOSPC was reported as INTERNAL. A real full disk: a 2 MB tmpfs, filled to the last byte.
 */
const isRoot = process.getuid?.() === 0;
let disk = '';

/** Fill the file system holding `dir` to the last byte it takes; returns the filler to free it with. */
function fill(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (let size = 1 << 16; size >= 1; size >>= 1) {
      const chunk = Buffer.alloc(size, 7);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

const upload = (name: string, text: string) => ({ name, contentBase64: Buffer.from(text).toString('base64') });
const articleText = (title: string) => `${title}\n\nTalks in Ankara about ${title.toLowerCase()} went on for a second day.\n`;

describe.skipIf(!isRoot)('a full disk (a real 2 MB tmpfs; mounting one needs root)', () => {
  beforeAll(() => {
    disk = mkdtempSync(join(tmpdir(), 'parallax-full-disk-'));
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(
        `These tests need a small tmpfs and could not mount one at ${disk}: ${r.stderr || r.error?.message}. Run them as root where mount is allowed.`,
      );
    }
  });
  afterAll(() => {
    if (!disk) return;
    spawnSync('umount', [disk]);
    rmSync(disk, { recursive: true, force: true });
  });

  it('import, story, saved search and metadata edit fail with DISK_FULL, change nothing, and never appear later', async () => {
    const notebook = join(disk, 'nb');
    const b = await openBackend(notebook, { create: true, search: { runIn: 'inline' } });
    const h = b.handlers;
    let closed = false;
    try {
      // Acknowledged before the disk fills.
      const kept = (await h['articles.importFiles']({ files: [upload('kept.txt', articleText('Kept article'))] })).imported[0]!;
      const story = await h['stories.create']({ name: 'Acknowledged story', articleIds: [kept.id] });
      await h['search.saved.save']({ name: 'Acknowledged search', query: 'ankara' });
      await h['articles.update']({ id: kept.id, patch: { outlet: 'Before the disk filled' } });

      const filler = fill(disk);
      const report = await h['articles.importFiles']({ files: [upload('refused.txt', articleText('Refused article'))] });
      expect(report.imported).toEqual([]);
      expect(report.errors).toEqual([
        {
          file: 'refused.txt',
          code: 'DISK_FULL',
          message: expect.stringMatching(/^not saved: The disk is full: the article could not be saved; nothing was changed/),
        },
      ]);
      const full = {
        code: 'DISK_FULL',
        message: expect.stringMatching(/^The disk is full: .* could not be saved; nothing was changed\. Free some space and try again\.$/),
      };
      await expect(h['stories.create']({ name: 'Refused story', articleIds: [kept.id] })).rejects.toMatchObject(full);
      await expect(h['stories.rename']({ id: story.id, name: 'Refused rename' })).rejects.toMatchObject(full);
      await expect(h['search.saved.save']({ name: 'Refused search', query: 'damascus' })).rejects.toMatchObject(full);
      await expect(h['articles.update']({ id: kept.id, patch: { outlet: 'Refused outlet' } })).rejects.toMatchObject(full);

      // Nothing refused is served, and the refused writes left nothing behind on the full disk.
      expect((await h['stories.list']({})).stories.map((s) => s.name)).toEqual(['Acknowledged story']);
      expect((await h['search.saved.list']({})).map((s) => s.name)).toEqual(['Acknowledged search']);
      expect(b.store.entry(kept.id)?.outlet).toBe('Before the disk filled');
      expect((await b.store.readArticle(kept.id)).userMeta.outlet).toBe('Before the disk filled');
      expect([...b.store.entries()].map((e) => e.title)).toEqual(['Kept article']);
      expect(readdirSync(layout(notebook).tmp)).toEqual([]);

      // Space again: the next write of each kind must not carry a refused one with it.
      rmSync(filler);
      const after = await h['stories.create']({ name: 'Story after', articleIds: [] });
      await h['search.saved.save']({ name: 'Search after', query: 'talks' });
      await h['articles.update']({ id: kept.id, patch: { outlet: 'After the space came back' } });
      const later = (await h['articles.importFiles']({ files: [upload('later.txt', articleText('Later article'))] })).imported[0]!;
      await b.close();
      closed = true;

      const reopened = await openBackend(notebook, { search: { runIn: 'inline' } });
      try {
        const stories = (await reopened.handlers['stories.list']({})).stories;
        expect(stories.map((s) => [s.id, s.name])).toEqual([
          [story.id, 'Acknowledged story'],
          [after.id, 'Story after'],
        ]);
        expect((await reopened.handlers['search.saved.list']({})).map((s) => s.name)).toEqual(['Acknowledged search', 'Search after']);
        expect([...reopened.store.entries()].map((e) => e.title).sort()).toEqual(['Kept article', 'Later article']);
        expect(reopened.store.entry(kept.id)?.outlet).toBe('After the space came back');
        expect(reopened.store.entry(later.id)).toBeDefined();
        expect(reopened.store.notice).toBeNull(); // nothing had to be recovered
      } finally {
        await reopened.close();
      }
    } finally {
      if (!closed) await b.close().catch(() => undefined);
    }
  });
});
