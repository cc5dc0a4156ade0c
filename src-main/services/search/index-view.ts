import type { BigramFilter } from '../../core/search/bigram-filter';
import type { FilterMeta } from '../../core/search/filters';
import type { TermVector } from '../../core/search/term-vector';
import type { Vocabulary } from '../../core/search/vocabulary';
import type { CandidateReader } from './candidate-lists';
import type { EngineLimits } from './engine-limits';

export type DocInfo = FilterMeta & { key: string; articleId: string; updatedAt: string };

/**
 * What ranking and listing read of the engine's index, by document slot (a removed document's slot holds
 * null until it is reused). The engine owns and changes this state; readers never write to it.
 */
export type IndexView = {
  readonly vocab: Vocabulary;
  readonly vectors: readonly (TermVector | null)[];
  /** Adjacent-pair filters, so phrases skip documents whose words are never adjacent (bigram-filter.ts). */
  readonly bigrams: readonly (BigramFilter | null)[];
  /** Field-weighted lengths, BM25's document length. */
  readonly lengths: readonly number[];
  readonly docs: readonly (DocInfo | null)[];
  /** Live documents (slots in use). */
  readonly live: number;
  readonly totalLength: number;
  readonly candidates: CandidateReader;
  readonly limits: EngineLimits;
};
