import type { ArticleRecord } from '../../core/article/article-record';
import type { Catalog } from './catalog';
import { afterArticleWrite } from './crash-test-fault';
import type { Durability } from './durable-json-file';
import { commitFiles, discardPrepared, prepareFiles, removeQuietly } from './durable-json-file';
import { nothingChanged } from './io-errors';
import type { Layout } from './notebook-layout';

export type ArticleFileWrite = { record: ArticleRecord; text: string };
export type ArticleFileHost = { layout: Layout; durability: Durability; catalog: Catalog };

/**
 * Steps 1 and 2 of the one way article files are written (inside the write queue; the store appends the
 * rows, step 3):
 * 1. the articles are named in flight in the journal, while their temp files are written and flushed;
 * 2. the files are renamed into place: the commit point.
 * A failure before 2 changes nothing (the temp files are removed; a DISK_FULL says so). After 2 the write
 * has happened: the journal still names the articles in flight until their rows follow, so the next open
 * writes any missing row from its file, and a write reported as failed never appears later.
 */
export async function writeArticleFiles(host: ArticleFileHost, items: ArticleFileWrite[], what: string): Promise<void> {
  const { layout, durability, catalog } = host;
  const files = items.map(({ record, text }) => ({ file: layout.article(record.id), data: text }));
  const [prepared, intent] = await Promise.allSettled([prepareFiles(files, layout.tmp, durability), catalog.intend(items.map((i) => i.record.id))]);
  if (prepared.status === 'rejected' || intent.status === 'rejected') {
    if (prepared.status === 'fulfilled') await discardPrepared(prepared.value);
    throw nothingChanged(prepared.status === 'rejected' ? prepared.reason : (intent as PromiseRejectedResult).reason, what);
  }
  const fresh = items.filter((i) => !catalog.entry(i.record.id)).map((i) => layout.article(i.record.id));
  try {
    await commitFiles(prepared.value, durability);
  } catch (e) {
    // New articles renamed before the failure are removed again: the write is reported as failed, so
    // they must not be recovered at the next open. (A replaced file needs no new space to be renamed.)
    await Promise.all(fresh.map(removeQuietly));
    throw e;
  }
  afterArticleWrite();
}
