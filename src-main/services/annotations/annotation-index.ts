import type { Annotation } from '../../contract';
import type { NotebookStore, StoreChange } from '../store/notebook-store';

const READ_CONCURRENCY = 16;

/**
 * Every annotation of the notebook, in memory, so the "All annotations" view, tag counts and tag renames
 * never open every article file. Built on first use from the articles whose catalog row counts
 * annotations (so a 100k-article notebook with 300 annotated articles reads 300 files), then kept current
 * from the store's change notifications, which carry whole records after each write.
 */
export class AnnotationIndex {
  private readonly byArticle = new Map<string, Annotation[]>();
  private readonly articleOf = new Map<string, string>();
  private loading: Promise<void> | null = null;
  /** Articles written while the index was loading: their fresh record wins over the file read earlier. */
  private readonly fresh = new Set<string>();

  constructor(private readonly store: NotebookStore) {
    store.onChange((change) => this.apply(change));
  }

  load(): Promise<void> {
    this.loading ??= this.build().catch((e: unknown) => {
      this.loading = null; // let the next call try again rather than serve a half-built index forever
      throw e;
    });
    return this.loading;
  }

  private async build(): Promise<void> {
    const ids = [...this.store.entries()].filter((e) => e.annotationCount > 0).map((e) => e.id);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const record = await this.store.readArticle(id).catch(() => null);
        if (record && !this.fresh.has(id)) this.set(id, record.annotations);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker));
    this.fresh.clear();
  }

  private set(articleId: string, annotations: Annotation[]): void {
    for (const a of this.byArticle.get(articleId) ?? []) this.articleOf.delete(a.id);
    if (annotations.length === 0) this.byArticle.delete(articleId);
    else this.byArticle.set(articleId, annotations);
    for (const a of annotations) this.articleOf.set(a.id, articleId);
  }

  private apply(change: StoreChange): void {
    if (change.kind === 'delete') {
      for (const id of change.ids) this.set(id, []);
      return;
    }
    for (const r of change.records) {
      this.fresh.add(r.id);
      this.set(r.id, r.annotations);
    }
    if (!this.loading) this.fresh.clear();
  }

  articleIdOf(annotationId: string): string | undefined {
    return this.articleOf.get(annotationId);
  }

  forArticle(articleId: string): Annotation[] {
    return this.byArticle.get(articleId) ?? [];
  }

  /** [articleId, annotations] for every annotated article. */
  articles(): IterableIterator<[string, Annotation[]]> {
    return this.byArticle.entries();
  }

  *all(): IterableIterator<Annotation> {
    for (const list of this.byArticle.values()) yield* list;
  }
}
