import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emit, ImportReport } from '../../contract';
import { AppError, Story, StoryName, TagColor, TagName, isAppError } from '../../contract';
import type { ArticleRecord } from '../../core/article/article-record';
import { displayTitle, effectiveMeta } from '../../core/article/article-record';
import type { StoryStore } from '../compare/story-store';
import { NotebookStore } from '../store/notebook-store';
import { readJsonFile } from '../store/durable-json-file';
import type { PreparedSnapshot } from '../store/snapshot-files';
import { commitSnapshot, discardSnapshot, prepareSnapshot, readSnapshot, removeSnapshot } from '../store/snapshot-files';
import type { TagFile } from '../tags/tag-file';
import { TagFile as BackupTags } from '../tags/tag-file';
import { restoreBackup } from './backup-archive';

/**
 * The open notebook's own story store and tag file, which a backup's stories and tag colours merge into.
 * They must be the instances the rest of the app uses (each keeps its file in memory and writes it whole).
 */
export type BackupMergeTargets = {
  stories: Pick<StoryStore, 'list' | 'create' | 'add'>;
  tags: Pick<TagFile, 'load' | 'data' | 'update'>;
};

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * A backup's stories join the notebook's by name (case and surrounding spaces ignored): a new name makes a
 * new story, a name already here gets the backup story's articles added. Article ids are mapped as the
 * import mapped them (an article already here under another id is that one).
 */
async function mergeStories(
  other: NotebookStore,
  into: BackupMergeTargets['stories'],
  idMap: Map<string, string>,
  report: ImportReport,
  label: string,
) {
  // Read as it is, not through a story store: that would set a damaged file aside and start afresh, silently
  // dropping the backup's valid stories along with its bad ones.
  const file = join(other.layout.root, 'stories.json');
  const data = await readJsonFile<{ stories?: unknown }>(file);
  if (data === null) return;
  if (typeof data !== 'object' || !Array.isArray(data.stories)) throw new AppError('CORRUPT', `stories.json is not a list of stories`);
  const all = data.stories as Story[];
  // The backup's file is as untrusted as any upload: only stories of the right shape, with a name the app accepts.
  const theirs = all.filter((s) => Story.safeParse(s).success && StoryName.safeParse(s.name).success);
  if (theirs.length < all.length) {
    report.errors.push({
      file: label,
      code: 'BAD_INPUT',
      message: `${label}: ${all.length - theirs.length} of its stories are not valid stories and were left out`,
    });
  }
  const counts = report.stories ?? { created: 0, extended: 0 };
  const ours = new Map((await into.list()).map((s) => [nameKey(s.name), s]));
  for (const story of theirs) {
    const ids = [...new Set(story.articleIds.map((id) => idMap.get(id)).filter((id): id is string => !!id))];
    const existing = ours.get(nameKey(story.name));
    if (!existing) {
      ours.set(nameKey(story.name), await into.create(story.name, ids));
      counts.created++;
    } else if (ids.some((id) => !existing.articleIds.includes(id))) {
      ours.set(nameKey(story.name), await into.add(existing.id, ids));
      counts.extended++;
    }
  }
  if (theirs.length) report.stories = counts;
}

/** A backup's tag colours fill in the tags that have none here; on a clash the notebook keeps its own, and says so. */
async function mergeTagColours(other: NotebookStore, into: BackupMergeTargets['tags'], report: ImportReport) {
  const file = new BackupTags(other);
  await file.load();
  // Only well-formed names and #rrggbb colours come in; the backup's file is as untrusted as any upload.
  // Colours are kept in a Map, so a tag named `__proto__` or `constructor` comes in like any other.
  const theirs = [...file.data.colors].filter(([tag, color]) => {
    const name = TagName.safeParse(tag);
    return name.success && name.data === tag && TagColor.safeParse(color).success;
  });
  if (!theirs.length) return;
  await into.load();
  const result = report.tagColours ?? { added: 0, kept: [] };
  const add: Array<[string, string]> = [];
  for (const [tag, color] of theirs) {
    const mine = into.data.colors.get(tag);
    if (mine === undefined) add.push([tag, color.toLowerCase()]);
    else if (mine.toLowerCase() !== color.toLowerCase()) result.kept.push({ tag, color: mine, backup: color });
  }
  if (add.length) {
    await into.update((d) => {
      for (const [tag, color] of add) if (!d.colors.has(tag)) d.colors.set(tag, color);
    });
    result.added += add.length;
  }
  report.tagColours = result;
}

/**
 * Copy the snapshots of a batch of a backup's articles into this notebook, each checked against the SHA-256
 * it was saved with (a damaged one is not carried over, and its article comes in without it). Returns the
 * ids whose snapshot was put in place.
 */
async function copySnapshots(other: NotebookStore, store: NotebookStore, batch: ArticleRecord[]): Promise<string[]> {
  const prepared: Array<[string, PreparedSnapshot]> = [];
  for (const r of batch) {
    const snap = await readSnapshot(other, r.id).catch(() => null);
    if (!snap) continue;
    const { kind, url, fetchedAt, file } = snap.meta;
    prepared.push([r.id, await prepareSnapshot(store, { kind, bytes: snap.bytes, url, fetchedAt, file })]);
  }
  if (!prepared.length) return [];
  const committed: string[] = [];
  await store.enqueue(async () => {
    for (const [id, p] of prepared) {
      await commitSnapshot(store, id, p);
      committed.push(id);
    }
  }).catch(async (e: unknown) => {
    await Promise.all(prepared.map(([, p]) => discardSnapshot(p)));
    await Promise.all(committed.map((id) => removeSnapshot(store, id)));
    throw e;
  });
  return committed;
}

/**
 * Bring the articles of a backup into this notebook (restore, by contrast, recreates a whole notebook in an
 * empty folder). The archive is checked and unpacked into a temp folder first; articles already here (same id
 * or same text) are reported as duplicates, the rest are added with their tags, annotations and snapshots. With `merge`
 * (the open notebook's story store and tag file), its stories and tag colours are merged in too.
 */
export async function importBackupArchive(
  store: NotebookStore,
  archive: string,
  label: string,
  report: ImportReport,
  emit?: Emit,
  merge?: BackupMergeTargets,
): Promise<void> {
  const work = join(store.layout.tmp, `backup-import-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(work, { recursive: true });
    await restoreBackup(archive, join(work, 'nb'));
    const other = await NotebookStore.open(join(work, 'nb'), { durability: 'none' });
    const ids = [...other.entries()].map((e) => e.id);
    /** Backup article id -> the id it has here (its own when added, the one already here when a duplicate). */
    const idMap = new Map<string, string>();
    let batch: ArticleRecord[] = [];
    const save = async () => {
      if (!batch.length) return;
      // The backup's originals (a PDF's, a page's) come with their articles, put in place first as an import
      // puts them: an article is never saved while its snapshot is still to come.
      const kept = await copySnapshots(other, store, batch);
      try {
        await store.putArticles(batch);
      } catch (e) {
        await Promise.all(kept.map((id) => removeSnapshot(store, id)));
        throw e;
      }
      for (const r of batch) report.imported.push({ id: r.id, file: label, title: displayTitle(effectiveMeta(r), r.file) });
      batch = [];
    };
    let notes = 0;
    for (const [i, id] of ids.entries()) {
      const r = await other.readArticle(id);
      const existing = store.entry(id)?.id ?? store.findByFingerprint(r.fingerprint);
      idMap.set(id, existing ?? id);
      if (existing) report.duplicates.push({ file: `${label}: ${id}`, id: existing });
      else {
        batch.push(r);
        notes += r.annotations.length;
      }
      if (batch.length >= 200) await save();
      if (i % 200 === 199) emit?.('import.progress', { done: i + 1, total: ids.length, file: label });
    }
    await save();
    const counts = report.annotations ?? { added: 0, updated: 0, unchanged: 0 };
    counts.added += notes;
    report.annotations = counts;
    if (merge) {
      const part = async (what: string, run: () => Promise<void>) => {
        try {
          await run();
        } catch (e) {
          report.errors.push({
            file: label,
            code: isAppError(e) ? e.code : 'IO_ERROR',
            message: `${label}: its ${what} were not merged: ${(e as Error).message}`,
          });
        }
      };
      await part('stories', () => mergeStories(other, merge.stories, idMap, report, label));
      await part('tag colours', () => mergeTagColours(other, merge.tags, report));
      if (report.stories && report.stories.created + report.stories.extended) emit?.('stories.changed', { ids: [] });
      if (report.tagColours?.added) emit?.('notebook.changed', { ids: [], reason: 'tags' });
    }
  } catch (e) {
    report.errors.push({ file: label, code: isAppError(e) ? e.code : 'IO_ERROR', message: (e as Error).message });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The same for an uploaded archive (drag and drop in web mode), written to a temp file first. */
export async function importBackupBytes(
  store: NotebookStore,
  bytes: Uint8Array,
  label: string,
  report: ImportReport,
  emit?: Emit,
  merge?: BackupMergeTargets,
): Promise<void> {
  const file = join(store.layout.tmp, `upload-${randomBytes(4).toString('hex')}.zip`);
  try {
    await writeFile(file, bytes);
    await importBackupArchive(store, file, label, report, emit, merge);
  } finally {
    await rm(file, { force: true });
  }
}
