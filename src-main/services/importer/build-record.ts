import type { ArticleRecord } from '../../core/article/article-record';
import { analyseJob } from './analyse-job';
import { formatOfFile } from './formats/article-formats';
import type { ImportSource } from './import-articles';
import { toRecord } from './import-articles';
import type { Loaded } from './read-import-file';

/** A whole article record from a decoded file, analysed in this thread (the store's tests and helpers build records so). */
export function buildRecord(source: ImportSource, decoded: Loaded, now: string): ArticleRecord {
  const format = decoded.format ?? source.format ?? formatOfFile(source.file);
  return toRecord(source, format, decoded, analyseJob({ format, text: decoded.text, file: source.file }), now);
}
