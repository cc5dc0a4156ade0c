import { z } from 'zod';
import { ArticleId, ShortText } from './primitives';

/** A body range `[start, end)` in UTF-16 code units of ArticleDetail.body. */
export const Range = z.tuple([z.number().int(), z.number().int()]);
export type Range = z.infer<typeof Range>;

export const sentenceKinds = ['text', 'heading', 'standfirst', 'post'] as const;

/** One sentence of an article's clean text, in body offsets so the reader can highlight it. */
export const CompareSentence = z.object({
  index: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  block: z.number().int(),
  kind: z.enum(sentenceKinds),
  lang: z.string().nullable(),
});
export type CompareSentence = z.infer<typeof CompareSentence>;

export const CompareArticle = z.object({
  id: ArticleId,
  /** The outlet, else a short label made from the title: what a column header shows. */
  label: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  sentences: z.array(CompareSentence),
});
export type CompareArticle = z.infer<typeof CompareArticle>;

/** One row of two-way aligned reading: a matched pair, or a sentence only one side has (the other is null). */
export const AlignmentRow = z.object({
  a: z.number().int().nullable(),
  b: z.number().int().nullable(),
  /** Similarity of the pair, 0..1 (0 for unique sentences). */
  score: z.number(),
  /** Word ranges that differ inside a matched pair (body offsets of each side). */
  changesA: z.array(Range),
  changesB: z.array(Range),
  /** The same name spelled differently on each side ("Türkiye's" / "Turkey's"): not a change of content. */
  variantsA: z.array(Range),
  variantsB: z.array(Range),
});
export type AlignmentRow = z.infer<typeof AlignmentRow>;

export const PairAlignment = z.object({
  a: ArticleId,
  b: ArticleId,
  rows: z.array(AlignmentRow),
  matched: z.number().int(),
  uniqueA: z.number().int(),
  uniqueB: z.number().int(),
});
export type PairAlignment = z.infer<typeof PairAlignment>;

/** One outlet's sentence in a row of column reading (N-way): `article` indexes CompareResult.articles. */
export const ColumnCell = z.object({
  article: z.number().int(),
  /** Position in that article's `sentences`. */
  sentence: z.number().int(),
  /** Words this sentence has that no other sentence of its row has (body offsets). */
  changes: z.array(Range),
  /** A name the row's other sentences spell differently ("Türkiye" / "Turkey"). */
  variants: z.array(Range),
});
export type ColumnCell = z.infer<typeof ColumnCell>;

/**
 * A row of reading three to six articles in columns: a claim shared by several outlets (one sentence of each,
 * `shared`), or, between two shared rows, the sentences only one outlet has, several per column, in order.
 */
export const ColumnRow = z.object({
  shared: z.boolean(),
  /** The coverage-matrix claim (Claim.id) of a shared row. */
  claim: z.string().nullable(),
  cells: z.array(ColumnCell),
});
export type ColumnRow = z.infer<typeof ColumnRow>;

/** Where a claim or a quote sits in one article. */
export const Passage = z.object({
  article: ArticleId,
  sentence: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});
export type Passage = z.infer<typeof Passage>;

/** Sentences that report the same thing in several articles: a row of the coverage matrix. */
export const Claim = z.object({
  id: z.string(),
  label: z.string(),
  /** Number of articles carrying it. */
  count: z.number().int(),
  /** Carried by one article only. */
  unique: z.boolean(),
  passages: z.array(Passage),
  /** Entities (CompareEntity.id) its passages name: what the matrix's entity filter reads. */
  entities: z.array(z.string()).optional(),
});
export type Claim = z.infer<typeof Claim>;

export const quoteKinds = ['direct', 'post', 'reported'] as const;
export const QuoteVariant = z.object({
  article: ArticleId,
  /** The quoted words (for 'reported', the sentence that paraphrases them). */
  text: z.string(),
  kind: z.enum(quoteKinds),
  /** The speaker as this article names them (null when the text does not say). */
  speaker: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
});
export type QuoteVariant = z.infer<typeof QuoteVariant>;

export const QuoteCluster = z.object({
  id: z.string(),
  /** The speaker's entity name when known. */
  speaker: z.string().nullable(),
  label: z.string(),
  articles: z.array(ArticleId),
  variants: z.array(QuoteVariant),
});
export type QuoteCluster = z.infer<typeof QuoteCluster>;

export const entityTypes = ['person', 'place', 'organisation', 'other'] as const;
export const EntityVariant = z.object({
  form: z.string(),
  articles: z.array(ArticleId),
  count: z.number().int(),
  /** A shortened mention ("Fidan" for "Hakan Fidan"), resolved within its article. */
  partial: z.boolean(),
});
export const CompareEntity = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(entityTypes),
  articles: z.array(ArticleId),
  variants: z.array(EntityVariant),
  /** Roles the articles give this entity ("Syria defence minister"). */
  roles: z.array(z.string()),
  /**
   * How sure the type is, 0..1: high when a title, an organisation word or a country says so, at most 0.5
   * when only the context guessed it ("Anna Bell watched").
   */
  typeConfidence: z.number().min(0).max(1).optional(),
});
export type CompareEntity = z.infer<typeof CompareEntity>;

export const conflictKinds = ['role', 'name', 'number', 'date', 'place'] as const;
/** Where an outlet states its side of a conflict: the sentence, and the words in body offsets. */
export const ConflictPassage = z.object({
  article: ArticleId,
  sentence: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  /** The value as written ("three months", "Tuesday"). */
  form: z.string(),
});
export type ConflictPassage = z.infer<typeof ConflictPassage>;
export const Conflict = z.object({
  kind: z.enum(conflictKinds),
  description: z.string(),
  articles: z.array(ArticleId),
  forms: z.array(z.string()),
  /** The entities (role, name) or claim (number, date) the conflict is about. */
  refs: z.array(z.string()),
  /** Each outlet's passage, so both can be opened side by side. */
  passages: z.array(ConflictPassage).optional(),
});
export type Conflict = z.infer<typeof Conflict>;

/**
 * An article the comparison took in only part of (it was over the limits, docs/compare.md): its first
 * `sentences` sentences, which end at body offset `end` of its `length` characters.
 */
export const TruncatedArticle = z.object({
  article: ArticleId,
  sentences: z.number().int(),
  end: z.number().int(),
  length: z.number().int(),
});
export type TruncatedArticle = z.infer<typeof TruncatedArticle>;

/** One side of a possible translation: a quote variant (or post) of one article, in one language. */
export const TranslationSide = z.object({
  article: ArticleId,
  /** The quote cluster (CompareResult.quotes) it is a variant of. */
  quote: z.string(),
  lang: z.string(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
/**
 * A quote in one language and one in another that may be one the translation of the other: same speaker
 * and the same names or figures. A suggestion, never a match of the words (they cannot be compared).
 */
export const TranslationPair = z.object({
  kind: z.literal('possible-translation'),
  a: TranslationSide,
  b: TranslationSide,
  speaker: z.string().nullable(),
  /** Names both give (as the first side spells them) and figures both give. */
  names: z.array(z.string()),
  figures: z.array(z.string()),
  /** Other quotes in b's language that share as much with a: 0 when this one stands out. */
  alternatives: z.number().int(),
});
export type TranslationPair = z.infer<typeof TranslationPair>;

export const CompareResult = z.object({
  articles: z.array(CompareArticle),
  /** Pairwise alignment of the first article with each of the others. */
  alignment: z.object({ pivot: ArticleId, pairs: z.array(PairAlignment) }),
  /** All the articles in columns (N-way), rows shared across columns, each column in its own order. */
  columns: z.array(ColumnRow).optional(),
  claims: z.array(Claim),
  quotes: z.array(QuoteCluster),
  entities: z.array(CompareEntity),
  conflicts: z.array(Conflict),
  /**
   * Softer notes: values that differ without contradicting (a different measure, a running toll, days either
   * side of midnight), worth reading side by side.
   */
  differs: z.array(Conflict).optional(),
  /** Things the user should know about this comparison ("the same article was given twice"). */
  notices: z.array(z.string()),
  /** Present when some article was too long to be compared whole: what was taken in of each. */
  truncated: z.array(TruncatedArticle).optional(),
  /** Quotes in different languages that share a speaker and names or figures (possible translations). */
  translations: z.array(TranslationPair).optional(),
});
export type CompareResult = z.infer<typeof CompareResult>;

/**
 * Chosen by the caller for one comparison, so it can be cancelled (`compare.cancel`) over any transport;
 * a comparison given one replaces (cancels) any other running with one.
 */
export const CompareRequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a request id is 1 to 64 letters, digits, _ or -');

/** Repeated ids are accepted (comparing an article with itself) and compared once, with a notice. */
export const CompareIds = z.array(ArticleId).min(1, 'give at least one article').max(100, 'compare at most 100 articles at once');

export { compareTables, differingParts, entityTypeText, tableFormats, UNCERTAIN_TYPE_AT } from '../../src-shared/compare';
export const ExportedTable = z.object({ filename: z.string(), mimeType: z.string(), content: z.string() });
export type ExportedTable = z.infer<typeof ExportedTable>;

export const RelatedItem = z.object({ id: ArticleId, score: z.number() });
export type RelatedItem = z.infer<typeof RelatedItem>;

export const StoryId = z.string().regex(/^[a-z0-9]{8,32}$/, 'a story id is 8 to 32 lowercase letters or digits');
export const StoryName = ShortText(300).refine((s) => s.trim().length > 0, 'a story needs a name');
export const Story = z.object({
  id: StoryId,
  name: z.string(),
  articleIds: z.array(ArticleId),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof Story>;
