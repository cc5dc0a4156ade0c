import type { AnchorCounts, CheckUpdatesResult, Emit, Handlers } from '../../contract';
import { AppError, clip } from '../../contract/errors';
import { countAnchors } from '../../core/anchoring/anchor';
import type { ArticleRecord } from '../../core/article/article-record';
import { displayTitle, effectiveMeta, toDetail } from '../../core/article/article-record';
import { addFetchedVersion, keptVersions, latestFingerprint, shownVersionOf, showAnalysedVersion, unchangedSince, versionList } from '../../core/article/versions';
import { loadAnalysis } from '../importer/load-analysis';
import { readSnapshotMeta } from '../store/snapshot-files';
import type { NotebookStore } from '../store/notebook-store';
import { analyseFetchedPage } from './analyse-fetched-page';
import type { FetchOptions } from './fetch-page';
import { fetchPage, parseWebAddress } from './fetch-page';

type VersionHandlers = Pick<Handlers, 'articles.checkUpdates' | 'articles.versions' | 'articles.versionDiff' | 'articles.showVersion'>;

/** "2026-12-02 03:40 UTC": a time any reader of a message or a terminal reads the same way. */
const utcMinute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const titleOf = (r: ArticleRecord) => clip(displayTitle(effectiveMeta(r), r.file), 80);

/**
 * When the article's text was first seen: the fetch of the page it was made from (its snapshot), else its
 * import. The first kept version is dated so.
 */
async function firstSeen(store: NotebookStore, r: ArticleRecord): Promise<string> {
  const snapshot = await readSnapshotMeta(store, r.id).catch(() => null);
  return snapshot?.fetchedAt ?? r.importedAt;
}

function versionAt(r: ArticleRecord, n: number, what: string) {
  const kept = keptVersions(r);
  if (kept.length === 0)
    throw new AppError('BAD_INPUT', `“${titleOf(r)}” has one version only: no check for updates has found its text changed`);
  const v = kept[n - 1];
  if (!v) throw new AppError('BAD_INPUT', `${what} ${n} does not exist: “${titleOf(r)}” has ${kept.length} versions`);
  return v;
}

/**
 * Checking an article's web address again (issue: "Check again for changes"). The page is fetched with the
 * validators of the last check (a 304 costs nothing), analysed as an import of the same page would be, and
 * compared with the latest text the outlet published. Nothing is written until the page is fetched and
 * analysed, so an unreachable address, a timeout or a page that is not an article leaves the article's file
 * byte for byte as it was. An unchanged page only records the time of the check.
 */
export function checkUpdatesHandlers(store: NotebookStore, emit: Emit, fetchOptions: FetchOptions = {}): VersionHandlers {
  const read = async (id: string) => {
    if (!store.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
    return store.readArticle(id);
  };
  return {
    'articles.checkUpdates': async ({ id }) => {
      const before = await read(id);
      const address = effectiveMeta(before).url.value;
      if (!address?.trim())
        throw new AppError('BAD_INPUT', `“${titleOf(before)}” has no web address to check; give it one (its URL) in the article's details first`);
      const url = parseWebAddress(address).href;
      const page = await fetchPage(url, {
        ...fetchOptions,
        ...(before.lastCheck?.etag ? { ifNoneMatch: before.lastCheck.etag } : {}),
        ...(before.lastCheck?.lastModified ? { ifModifiedSince: before.lastCheck.lastModified } : {}),
      });
      const fetched = page.status === 304 ? null : await analyseFetchedPage(page);
      const firstFetchedAt = await firstSeen(store, before);
      const checkedAt = page.fetchedAt;
      if (fetched) {
        const other = store.findByFingerprint(fetched.fingerprint);
        if (other && other !== id && fetched.fingerprint !== latestFingerprint(before)) {
          const title = store.entry(other)?.title ?? 'another article';
          throw new AppError('CONFLICT', `The page at ${clip(url, 120)} now holds the same text as “${clip(title)}” (${other}), already in the notebook; nothing was changed`);
        }
      }
      let result: CheckUpdatesResult | null = null;
      const changed = (r: ArticleRecord) => fetched !== null && fetched.fingerprint !== latestFingerprint(r);
      await store.updateArticle(
        id,
        (r) => {
          const previousVersion = shownVersionOf(r);
          let annotations: AnchorCounts = countAnchors(r.annotations);
          const isNew = changed(r);
          if (isNew) annotations = addFetchedVersion(r, fetched!, firstFetchedAt);
          // The validators of what the server sent last: the next check asks "changed since this?".
          r.lastCheck = {
            checkedAt,
            etag: page.status === 304 ? (r.lastCheck?.etag ?? null) : (page.etag ?? null),
            lastModified: page.status === 304 ? (r.lastCheck?.lastModified ?? null) : (page.lastModified ?? null),
          };
          const since = unchangedSince(r, firstFetchedAt);
          const kept = keptVersions(r);
          result = {
            id,
            url: page.url,
            changed: isNew,
            unchanged: isNew ? null : page.status === 304 ? 'not-modified' : 'same-text',
            message: isNew ? null : `No change since ${utcMinute(since)}`,
            since,
            checkedAt,
            versionCount: kept.length,
            titleChanged: isNew && kept.at(-2)!.title !== kept.at(-1)!.title,
            previousVersion,
            shownVersion: shownVersionOf(r),
            annotations,
          };
        },
        { touch: fetched !== null && changed(before) },
      );
      if (result!.changed) emit('notebook.changed', { ids: [id], reason: 'update' });
      return result!;
    },

    'articles.versions': async ({ id }) => {
      const r = await read(id);
      return { id, versions: versionList(r), lastCheckedAt: r.lastCheck?.checkedAt ?? null };
    },

    'articles.versionDiff': async ({ id, from, to }) => {
      const r = await read(id);
      const kept = keptVersions(r);
      const newer = to ?? kept.length;
      const older = from ?? newer - 1;
      const a = versionAt(r, older, 'Version');
      const b = versionAt(r, newer, 'Version');
      // Loaded on first use, like the analysis: `parallax list` never needs the diff engine.
      const { versionDiff } = await import('../../core/text/version-diff');
      const title = versionDiff(a.title, b.title);
      const body = versionDiff(a.body, b.body);
      return {
        id,
        from: older,
        to: newer,
        title: title.segments,
        body: body.segments,
        inserted: title.inserted + body.inserted,
        deleted: title.deleted + body.deleted,
      };
    },

    'articles.showVersion': async ({ id, version }) => {
      const before = await read(id);
      const v = versionAt(before, version, 'Version');
      // Analysed now, outside the write queue: the kept raw source, read as it was when fetched.
      const { analyseJob } = await loadAnalysis();
      const done = analyseJob({ format: v.format, text: v.raw, file: before.file });
      let previousVersion = 1;
      let annotations: AnchorCounts = { ok: 0, drifted: 0, orphaned: 0 };
      const record = await store.updateArticle(id, (r) => {
        previousVersion = shownVersionOf(r);
        versionAt(r, version, 'Version');
        annotations = showAnalysedVersion(r, version, done.raw, v.format, done.analysis, done.fingerprint);
      });
      emit('notebook.changed', { ids: [id], reason: 'version' });
      return { article: toDetail(record), previousVersion, shownVersion: version, annotations };
    },
  };
}
