import { isAppError } from '../../contract/errors';
import type { ArticleRecord } from '../../core/article/article-record';
import { readJsonText } from './durable-json-file';
import { articleProblem } from './stored-shapes';

/** An article file as read: sound, damaged (with what is wrong), or missing. */
export type ArticleFileRead =
  { kind: 'sound'; record: ArticleRecord; text: string } | { kind: 'damaged'; problem: string } | { kind: 'missing' };

/**
 * Read article `id`'s file and say what it is. Damaged means read and found wrong: it does not parse, has
 * the wrong shape, or holds another article. A file that cannot be read is not damaged: that throws
 * IO_ERROR (after retries of transient errors), and nothing is ever repaired for it.
 */
export async function readArticleFile(file: string, id: string): Promise<ArticleFileRead> {
  let read: { value: unknown; text: string } | null;
  try {
    read = await readJsonText<unknown>(file);
  } catch (e) {
    if (isAppError(e) && e.code === 'CORRUPT') return { kind: 'damaged', problem: 'it does not parse as JSON' };
    throw e;
  }
  if (!read) return { kind: 'missing' };
  const problem = articleProblem(read.value, id);
  if (problem) return { kind: 'damaged', problem };
  return { kind: 'sound', record: read.value as ArticleRecord, text: read.text };
}
