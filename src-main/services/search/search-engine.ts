import { Document } from 'flexsearch';
import { foldTags, outletTermsOf, verdictsOf } from '../../core/search/filters';
import { terms } from '../../core/search/normalise';
import type { QueryAst } from '../../core/search/query-ast';
import type { SearchArticle } from '../../core/search/search-doc';
import type { BigramFilter } from '../../core/search/bigram-filter';
import { buildBigramFilter } from '../../core/search/bigram-filter';
import type { TermVector } from '../../core/search/term-vector';
import { packVector } from '../../core/search/term-vector';
import { Vocabulary } from '../../core/search/vocabulary';
import { hasStemmer } from '../../core/search/stemmer';

import { WordSlab } from '../../core/search/word-slab';
import type { BinaryPart, EngineSnapshot, FlexData, SnapshotSource } from './engine-snapshot';
import { BINARY_PARTS, bigramChunks, concatChunks, decodeSlots, decodeVectors, vectorChunks } from './engine-snapshot';
import { decodeFlexKey } from './flex-binary';
import { exportFlex } from './flex-export';
import { sweepIds } from './flex-sweep';
import type { RankedList } from './ranked-list';
import type { FlexLists } from './candidate-lists';
import { CandidateReader } from './candidate-lists';
import type { EngineLimits } from './engine-limits';
import { ENGINE_LIMITS } from './engine-limits';
import type { DocInfo, IndexView } from './index-view';
import type { EngineResult, SearchMode, SearchOptions } from './rank-documents';
import { rankDocuments } from './rank-documents';

export const FIELDS = ['title', 'body', 'outlet', 'tags', 'note'] as const;
type Field = (typeof FIELDS)[number];
/** How much a word counts where it occurs: a title word says more about an article than a body word. */
export const FIELD_WEIGHTS: Record<Field, number> = { title: 2, body: 1, outlet: 1, tags: 1, note: 1 };

export type { DocInfo };
export type { EngineResult, SearchMode, SearchOptions };

/**
 * flexsearch holds the inverted index (word → documents); Parallax folds and tokenises text itself (the
 * one normaliser), hands flexsearch ready-made terms, and keeps per-document term vectors so the
 * candidates flexsearch returns can be checked against every word and ranked with BM25.
 */
function createFlex() {
  // Terms arrive already folded and space-joined; flexsearch must not fold them again.
  const encode = (s: string) => (s ? s.split(' ') : []);
  return new Document({
    document: { id: 'id', index: FIELDS.map((field) => ({ field, tokenize: 'strict', encode })) },
    cache: false,
  } as never) as unknown as {
    add: (doc: Record<string, unknown>) => void;
    remove: (id: number) => void;
    search: FlexLists['search'];
    export: (h: (key: string, data: string) => Promise<void> | void) => Promise<void>;
    import: (key: string, data: string | unknown[] | Uint32Array) => void;
  };
}

export class SearchEngine {
  private flex = createFlex();
  private vocab = new Vocabulary();
  private vectors: (TermVector | null)[] = [];
  /** Adjacent-pair filters, so phrases skip documents whose words are never adjacent (bigram-filter.ts). */
  private bigrams: (BigramFilter | null)[] = [];
  private lengths: number[] = [];
  /** Vectors and filters of documents indexed in this process share slabs (word-slab.ts). */
  private readonly slab = new WordSlab();
  private docs: (DocInfo | null)[] = [];
  private byKey = new Map<string, number>();
  private notesOf = new Map<string, number[]>();
  /** Slots whose documents are gone but still in flexsearch's lists; reused only once swept (see flex-sweep.ts). */
  private tombs: number[] = [];
  private free: number[] = [];
  private totalLength = 0;
  private live = 0;
  private articles = 0;
  /** Live documents per language: the languages a query is stemmed in. */
  private readonly langCounts = new Map<string, number>();

  private readonly candidates = new CandidateReader(this.flex, FIELDS, (id) => this.vocab.terms[id]!);

  constructor(readonly limits: EngineLimits = ENGINE_LIMITS) {}

  get docCount(): number {
    return this.live;
  }

  get articleCount(): number {
    return this.articles;
  }

  /** Removed documents not yet swept out of flexsearch's lists. */
  get tombstones(): number {
    return this.tombs.length;
  }

  /** Take every removed document out of flexsearch's lists in one pass, and free their slots. */
  sweep(): void {
    if (this.tombs.length === 0) return;
    const dead = new Uint8Array(this.docs.length);
    for (const doc of this.tombs) dead[doc] = 1;
    sweepIds(this.flex, dead, this.tombs);
    for (const doc of this.tombs) this.free.push(doc);
    this.tombs = [];
  }

  /** The languages of the indexed articles that have a stemmer: a query is stemmed in each of them. */
  languages(): string[] {
    const out: string[] = [];
    for (const [lang, n] of this.langCounts) if (n > 0 && hasStemmer(lang)) out.push(lang);
    return out.sort();
  }

  private countLang(lang: string | null | undefined, by: number): void {
    if (lang) this.langCounts.set(lang, (this.langCounts.get(lang) ?? 0) + by);
  }

  info(doc: number): DocInfo | null {
    return this.docs[doc] ?? null;
  }

  /** Every indexed article with the updatedAt it was indexed at: what reconciliation compares. */
  *articleVersions(): Generator<[string, string]> {
    for (const d of this.docs) if (d?.kind === 'article') yield [d.articleId, d.updatedAt];
  }

  hasArticle(id: string): boolean {
    return this.byKey.has(id);
  }

  /** The updatedAt an article was indexed at, or undefined when it is not indexed. */
  versionOf(id: string): string | undefined {
    const doc = this.byKey.get(id);
    return doc === undefined ? undefined : this.docs[doc]?.updatedAt;
  }

  /** Is the article's own document among these ranked documents? */
  hasArticleIn(id: string, ranked: RankedList): boolean {
    const doc = this.byKey.get(id);
    return doc !== undefined && ranked.includesDoc(doc);
  }

  /** Index an article and its notes, replacing whatever was indexed for it before. */
  upsertArticle(a: SearchArticle): void {
    this.removeArticle(a.id);
    const outletTerms = outletTermsOf(a.outlet);
    const base = { articleId: a.id, updatedAt: a.updatedAt, outletTerms, lang: a.language, date: a.publishedAt };
    this.addDoc(
      { ...base, key: a.id, kind: 'article', tags: foldTags(a.tags), ...verdictsOf(a.notes) },
      {
        title: a.title,
        body: a.body,
        outlet: [a.outlet ?? '', a.byline].join(' '),
        tags: a.tags.join(' '),
      },
    );
    const notes: number[] = [];
    for (const n of a.notes) {
      notes.push(
        this.addDoc(
          { ...base, key: `n:${n.id}`, kind: 'note', tags: foldTags(n.tags), ...verdictsOf([n]) },
          // The note alone: its passage is in the article's body, and `in:notes` must match what was written.
          { note: n.note, tags: n.tags.join(' ') },
        ),
      );
    }
    if (notes.length) this.notesOf.set(a.id, notes);
  }

  removeArticle(id: string): void {
    const doc = this.byKey.get(id);
    if (doc !== undefined) this.removeDoc(doc);
    for (const n of this.notesOf.get(id) ?? []) this.removeDoc(n);
    this.notesOf.delete(id);
  }

  private addDoc(info: DocInfo, fields: Partial<Record<Field, string>>): number {
    const doc = this.free.pop() ?? this.docs.length;
    const freqs = new Map<number, number>();
    const flexDoc: Record<string, unknown> = { id: doc };
    const sequences: number[][] = [];
    let length = 0;
    for (const f of FIELDS) {
      // Every field of a document is stemmed in its article's language; highlighting does the same.
      const ts = fields[f] ? terms(fields[f]!, info.lang) : [];
      flexDoc[f] = ts.join(' ');
      const ids = ts.map((t) => this.vocab.idOf(t, true));
      for (const id of ids) freqs.set(id, (freqs.get(id) ?? 0) + FIELD_WEIGHTS[f]);
      sequences.push(ids);
      length += ts.length * FIELD_WEIGHTS[f];
    }
    for (const id of freqs.keys()) this.vocab.df[id]!++;
    this.flex.add(flexDoc);
    this.vectors[doc] = packVector(freqs, this.slab.alloc);
    this.bigrams[doc] = buildBigramFilter(sequences, this.slab.alloc);
    this.lengths[doc] = length;
    this.docs[doc] = info;
    this.byKey.set(info.key, doc);
    this.totalLength += length;
    this.live++;
    this.countLang(info.lang, 1);
    if (info.kind === 'article') this.articles++;
    return doc;
  }

  private removeDoc(doc: number): void {
    const info = this.docs[doc];
    if (!info) return;
    // Left in flexsearch's lists until the next sweep: search skips it, as its vector is gone.
    const v = this.vectors[doc]!;
    for (let i = 0; i < v.length; i++) this.vocab.df[Math.floor(v[i]! / 256)]!--;
    this.totalLength -= this.lengths[doc]!;
    this.live--;
    this.countLang(info.lang, -1);
    if (info.kind === 'article') this.articles--;
    this.vectors[doc] = null;
    this.bigrams[doc] = null;
    this.docs[doc] = null;
    this.byKey.delete(info.key);
    this.tombs.push(doc);
  }

  /** Rank documents for a query in one of the modes (rank-documents.ts). */
  search(ast: QueryAst, mode: SearchMode = 'all', opts: SearchOptions = {}): EngineResult {
    return rankDocuments(this.view(), ast, mode, opts);
  }

  /** The index as ranking reads it; built per query, as `restore` replaces the tables. */
  view(): IndexView {
    return {
      vocab: this.vocab,
      vectors: this.vectors,
      bigrams: this.bigrams,
      lengths: this.lengths,
      docs: this.docs,
      live: this.live,
      totalLength: this.totalLength,
      candidates: this.candidates,
      limits: this.limits,
    };
  }

  /**
   * Everything needed to restore the engine without re-indexing, handed over part by part as it is saved
   * (see SnapshotSource): the state must not change until the save is done (the host saves under its lock).
   */
  source(): SnapshotSource {
    this.sweep();
    return {
      flex: (write) => exportFlex(this.flex, write),
      terms: this.vocab.terms,
      docs: this.docs,
      vectors: () => vectorChunks(this.vectors, this.lengths),
      bigrams: () => bigramChunks(this.bigrams),
    };
  }

  /** The same state collected in memory (tests, and copies of a small engine); saving uses `source()`. */
  async snapshot(): Promise<EngineSnapshot> {
    const src = this.source();
    const flex: [string, FlexData][] = [];
    await src.flex(async (key, data) => {
      flex.push([key, data.slice()]); // a key's buffer is reused for the next
    });
    const parts = Object.fromEntries(BINARY_PARTS.map((name) => [name, concatChunks(src[name]())])) as Record<BinaryPart, Uint32Array>;
    return { flex, terms: src.terms, docs: src.docs, ...parts };
  }

  /** Rebuild an engine from a snapshot; flexsearch's keys are imported one by one as they are read. */
  static async restore(s: EngineSnapshot, limits: EngineLimits = ENGINE_LIMITS): Promise<SearchEngine> {
    const e = new SearchEngine(limits);
    for await (const [key, data] of s.flex) e.flex.import(key, decodeFlexKey(key, data));
    e.vocab = Vocabulary.from(s.terms);
    const { vectors, lengths } = decodeVectors(s.vectors, s.docs.length);
    e.docs = s.docs;
    e.vectors = vectors;
    e.lengths = lengths;
    e.bigrams = decodeSlots(s.bigrams, s.docs.length);
    for (let doc = 0; doc < e.docs.length; doc++) {
      const info = e.docs[doc];
      const v = vectors[doc];
      if (info && v && !e.bigrams[doc]) throw new Error('the saved bigram filters do not match the document table');
      if (!info || !v) {
        e.docs[doc] = null;
        e.vectors[doc] = null;
        e.bigrams[doc] = null;
        e.free.push(doc);
        continue;
      }
      e.byKey.set(info.key, doc);
      if (info.kind === 'note') e.notesOf.set(info.articleId, [...(e.notesOf.get(info.articleId) ?? []), doc]);
      for (let i = 0; i < v.length; i++) {
        const t = Math.floor(v[i]! / 256);
        if (t >= e.vocab.size) throw new Error('the saved index refers to unknown terms');
        e.vocab.df[t]!++;
      }
      e.totalLength += lengths[doc]!;
      e.live++;
      e.countLang(info.lang, 1);
      if (info.kind === 'article') e.articles++;
    }
    return e;
  }
}
