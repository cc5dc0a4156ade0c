/**
 * What arrives from the team database, checked before any of it is applied: a change another copy (or
 * another program) wrote is untrusted input, refused whole with the change's number and author.
 */
import { Annotation, AppError, TagName, clip, metaKeys } from '../../contract';
import type { ArticleRecord } from '../../core/article/article-record';
import type { MetaDelta, SetDelta } from '../../core/sync/merge-rules';
import type { ArticleText } from '../../core/sync/sync-units';
import { articleProblem } from '../store/stored-shapes';
import type { RemoteChange } from './remote-db';

export function parseBody<T>(c: RemoteChange): T {
  try {
    return JSON.parse(c.body ?? 'null') as T;
  } catch {
    throw badChange(c, 'its content is not JSON');
  }
}

export const badChange = (c: RemoteChange, why: string) =>
  new AppError('CORRUPT', `Change ${c.seq} on the team database (by ${clip(c.author, 60)}) is not one Parallax can apply: ${why}. Nothing of it was applied`);

/** What is wrong with a text as exchanged (checked as a stored article would be), or null. */
export function textProblem(text: ArticleText, articleId: string, updatedAt: string): string | null {
  return articleProblem({ ...text, id: articleId, updatedAt, userMeta: {}, tags: [], annotations: [] }, articleId);
}

export function checkedText(c: RemoteChange, articleId: string): ArticleText {
  const body = parseBody<ArticleText>(c);
  const problem = textProblem(body, articleId, c.editedAt);
  if (problem) throw badChange(c, problem);
  return body;
}

export function newRecordFrom(articleId: string, c: RemoteChange): ArticleRecord {
  const text = checkedText(c, articleId);
  return { id: articleId, ...text, format: text.format, updatedAt: c.editedAt, userMeta: {}, tags: [], annotations: [] } as ArticleRecord;
}

/** An article's tag change as exchanged: who put each added tag on travels with it (absent from older copies). */
export type TagDelta = SetDelta & { credits?: Array<{ tag: string; by: string; at: string }> };

export function checkedTags(c: RemoteChange): TagDelta {
  const d = parseBody<TagDelta>(c);
  const ok = (list: unknown) => Array.isArray(list) && list.every((t) => TagName.safeParse(t).success);
  if (!d || !ok(d.add) || !ok(d.remove)) throw badChange(c, 'its tags are not valid tag names');
  const text = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
  const okCredits =
    d.credits === undefined || (Array.isArray(d.credits) && d.credits.every((x) => x && typeof x === 'object' && text(x.tag, 1000) && text(x.by, 200) && text(x.at, 40)));
  if (!okCredits) throw badChange(c, 'who put its tags on is not a list of names and times');
  return d;
}

export function checkedMeta(c: RemoteChange): MetaDelta {
  const d = parseBody<MetaDelta>(c);
  const keys = new Set<string>(metaKeys);
  const okSet = d && typeof d.set === 'object' && d.set !== null && Object.entries(d.set).every(([k, v]) => keys.has(k) && (v === null || (typeof v === 'string' && v.length <= 10_000)));
  const okUnset = d && Array.isArray(d.unset) && d.unset.every((k) => keys.has(k));
  if (!okSet || !okUnset) throw badChange(c, 'its metadata fields are not ones Parallax has');
  return d;
}

export function checkedAnnotation(c: RemoteChange, articleId: string): Annotation | null {
  if (c.deleted) return null;
  const parsed = Annotation.safeParse(parseBody(c));
  if (!parsed.success || parsed.data.articleId !== articleId || `${articleId}/${parsed.data.id}` !== c.key) throw badChange(c, 'it is not an annotation of this article');
  // One sent by a Parallax that did not yet say who made it is its sender's.
  return { ...parsed.data, author: parsed.data.author ?? c.author };
}
