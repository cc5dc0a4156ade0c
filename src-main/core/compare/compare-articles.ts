import type { CompareArticle, CompareResult, CompareSentence, PairAlignment, TruncatedArticle } from '../../contract';
import { alignmentRows, matchPairs, pairEdges, wordDiff, CANDIDATE_THRESHOLD } from './align';
import { readingColumns } from './align-nway';
import type { CompareLimits, WorkBudget } from './budget';
import { DEFAULT_LIMITS, shareSentences, unlimitedBudget } from './budget';
import { clusterClaims } from './claims';
import { claimsWithEntities } from './claim-entities';
import { findNotes } from './conflicts';
import type { EntityMention } from './entities';
import { clusterEntities } from './entities';
import type { Edge, Unit } from './features';
import { buildVectors, sentenceUnits, similarPairs } from './features';
import type { Mention, RoleMention } from './mentions';
import { properNames, sentenceMentions } from './mentions';
import { ARABIC_SCRIPT, nameKey } from './names';
import { clusterQuotes } from './quotes';
import type { CompareInput } from './sentences';
import { clipInput, segmentArticle } from './sentences';
import { speakerResolver } from './speakers';
import { findTranslations } from './translations';

export type CompareProgress = {
  stage: 'sentences' | 'entities' | 'similarity' | 'alignment' | 'claims' | 'quotes' | 'conflicts';
  done: number;
  total: number;
};

/** A column header: the outlet, else the first words of the title; numbered when two columns would read alike. */
export function articleLabels(inputs: Array<Pick<CompareInput, 'outlet' | 'title'>>): string[] {
  const base = inputs.map((a) => {
    if (a.outlet?.trim()) return a.outlet.trim();
    const words = a.title.trim().split(/\s+/);
    return words.length <= 4 ? a.title.trim() : `${words.slice(0, 4).join(' ')}…`;
  });
  const seen = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const b of base) totals.set(b, (totals.get(b) ?? 0) + 1);
  return base.map((b) => {
    if (totals.get(b)! < 2) return b;
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    return `${b} (${n})`;
  });
}

export type CompareOptions = {
  /** What the comparison takes in of each article (DEFAULT_LIMITS unless given). */
  limits?: CompareLimits;
  /** Work and time the steps may spend; unlimited unless given. */
  budget?: WorkBudget;
};

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The whole comparison, as a generator that yields progress between steps, so a service can report
 * progress; `compareArticles` runs it to the end. Pure and deterministic: the same articles in the same
 * order give the same result. Each article is taken in up to the limits (its first sentences), before
 * anything is aligned, and the result says which were cut (`truncated`, and a notice); the budget stops
 * the steps with `BudgetExceeded` when the work or the time runs out.
 */
export function* compareSteps(given: CompareInput[], opts: CompareOptions = {}): Generator<CompareProgress, CompareResult> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const budget = opts.budget ?? unlimitedBudget();
  const notices: string[] = [];
  const whole: CompareInput[] = [];
  for (const a of given) if (!whole.some((x) => x.id === a.id)) whole.push(a);
  if (whole.length < given.length) notices.push('The same article was given more than once; it is compared once.');
  if (whole.length === 1) notices.push('Only one article: there is nothing to align it with. Its quotes and names are listed.');
  const inputs = whole.map((a) => clipInput(a, limits.maxCharsPerArticle));
  const articleIds = inputs.map((a) => a.id);
  const labels = articleLabels(inputs);
  const n = inputs.length;

  budget.enter('sentences');
  // One sentence past the limit tells that there is more.
  const segmented: CompareSentence[][] = [];
  for (let a = 0; a < n; a++) {
    segmented.push(segmentArticle(inputs[a]!, limits.maxSentencesPerArticle + 1));
    budget.spend(segmented[a]!.length);
    yield { stage: 'sentences', done: a + 1, total: n };
  }
  const kept = shareSentences(
    segmented.map((l) => l.length),
    limits,
  );
  const sentences = segmented.map((l, a) => (l.length > kept[a]! ? l.slice(0, kept[a]) : l));
  const truncated: TruncatedArticle[] = [];
  sentences.forEach((list, a) => {
    const length = whole[a]!.body.length;
    if (list.length === segmented[a]!.length && inputs[a]!.body.length === length) return;
    const end = list.length ? list[list.length - 1]!.end : 0;
    truncated.push({ article: articleIds[a]!, sentences: list.length, end, length });
    const share = Math.max(1, Math.floor((end / Math.max(1, length)) * 100));
    notices.push(
      `Only the first ${count(list.length)} sentences of “${labels[a]}” (about ${share}% of its text) are compared: a comparison takes in at most ${count(limits.maxSentencesPerArticle)} sentences of one article and ${count(limits.maxSentencesTotal)} in all.`,
    );
  });
  for (let a = 0; a < n; a++) if (sentences[a]!.length === 0) notices.push(`“${labels[a]}” has no sentences to compare.`);

  budget.enter('entities');
  const proper = properNames(sentences.flat());
  const mentionsByArticle: Mention[][] = [];
  const roles: RoleMention[] = [];
  sentences.forEach((list, a) => {
    const ms: Mention[] = [];
    for (const s of list) {
      const found = sentenceMentions(a, s, { properMidSentence: proper });
      ms.push(...found.mentions);
      roles.push(...found.roles);
    }
    // A post's author is a mention of its own (a Latin-script name; Arabic ones are linked by consonants).
    inputs[a]!.blocks.forEach((b) => {
      const author = b.post?.author;
      if (!author || b.start === null || ARABIC_SCRIPT.test(author)) return;
      const words = author.split(/\s+/).map(nameKey).filter(Boolean);
      if (words.length)
        ms.push({
          article: a,
          sentence: -1,
          form: author,
          words,
          start: b.start,
          end: b.start,
          type: 'person',
          strong: true,
          role: null,
          acronym: null,
        });
    });
    mentionsByArticle.push(ms);
  });
  const authorSentences = inputs.map((input) =>
    input.blocks
      .filter((b) => b.post?.author && b.start !== null && ARABIC_SCRIPT.test(b.post.author))
      .map((b) => ({
        index: -1,
        start: b.start!,
        end: b.start! + b.post!.author!.length,
        text: b.post!.author!,
        block: -1,
        kind: 'post' as const,
        lang: 'ar',
      })),
  );
  const { entities, mentions } = clusterEntities(
    mentionsByArticle,
    sentences.map((list, a) => [...list, ...authorSentences[a]!]),
    articleIds,
  );
  // Arabic author bylines matched by consonants: offsets are not in the body, so they hang off the post's start.
  const authorEntity = (article: number, blockStart: number): number | null => {
    const m = mentions.find(
      (x) =>
        x.article === article &&
        x.sentence === -1 &&
        (x.start === blockStart || authorSentences[article]!.some((s) => s.start === blockStart && x.start >= s.start && x.end <= s.end)),
    );
    return m ? m.entity : null;
  };
  const bodyMentions: EntityMention[] = mentions.filter((m) => m.sentence >= 0);
  yield { stage: 'entities', done: 1, total: 1 };

  budget.enter('similarity');
  const flat: CompareSentence[] = [];
  const owner: number[] = [];
  const firstOf: number[] = [];
  const units: Unit[][][] = sentences.map((list, a) => {
    firstOf.push(flat.length);
    const ms = bodyMentions.filter((m) => m.article === a);
    return list.map((s) => {
      flat.push(s);
      owner.push(a);
      return sentenceUnits(s, ms);
    });
  });
  const vec = buildVectors(units.flat());
  const edges: Edge[] = pairEdges(similarPairs(vec.vectors, owner, CANDIDATE_THRESHOLD, budget), units.flat(), owner);
  const byPair = matchPairs(edges, owner);
  yield { stage: 'similarity', done: 1, total: 1 };

  budget.enter('alignment');
  const bodyText = (a: number) => (from: number, to: number) => inputs[a]!.body.slice(from, to);
  const pairs: PairAlignment[] = [];
  for (let b = 1; b < n; b++) {
    budget.check();
    const matched = (byPair.get(`0:${b}`) ?? []).map((e) => ({ i: e.i - firstOf[0]!, j: e.j - firstOf[b]!, score: e.score }));
    const rows = alignmentRows(sentences[0]!.length, sentences[b]!.length, matched, (i, j) =>
      wordDiff(units[0]![i]!, units[b]![j]!, bodyText(0), bodyText(b)),
    );
    pairs.push({
      a: articleIds[0]!,
      b: articleIds[b]!,
      rows,
      matched: matched.length,
      uniqueA: sentences[0]!.length - matched.length,
      uniqueB: sentences[b]!.length - matched.length,
    });
    yield { stage: 'alignment', done: b, total: n - 1 };
  }

  budget.enter('claims');
  const claims = claimsWithEntities(clusterClaims(flat, owner, [...byPair.values()].flat(), articleIds), bodyMentions, entities, articleIds);
  // Reading in columns: rows are the claims, so the columns and the coverage matrix agree.
  const columns =
    n >= 2 ? readingColumns({ claims, articleIds, counts: sentences.map((l) => l.length), units, text: bodyText }) : undefined;
  yield { stage: 'claims', done: 1, total: 1 };

  budget.enter('quotes');
  const quotes = clusterQuotes({
    inputs,
    sentences,
    units,
    vec,
    entities,
    speakers: speakerResolver({ sentences, mentions: bodyMentions, roles, entities }),
    authorEntity,
    sentenceVector: (a, i) => vec.vectors[firstOf[a]! + i]!,
  });
  yield { stage: 'quotes', done: 1, total: 1 };

  // Quotes across languages that share a speaker and names or figures: possible translations.
  const translations = findTranslations({
    quotes,
    articles: inputs.map((input, a) => ({
      id: input.id,
      label: labels[a]!,
      language: input.language,
      sentences: sentences[a]!,
      units: units[a]!,
    })),
  });
  notices.push(...translations.notices);

  budget.enter('conflicts');
  const { conflicts, differs } = findNotes({
    articleIds,
    labels,
    entities,
    mentions: bodyMentions,
    claims,
    sentences,
    published: inputs.map((a) => a.publishedAt),
  });
  yield { stage: 'conflicts', done: 1, total: 1 };

  const articles: CompareArticle[] = inputs.map((a, i) => ({
    id: a.id,
    label: labels[i]!,
    title: a.title,
    outlet: a.outlet,
    publishedAt: a.publishedAt,
    sentences: sentences[i]!,
  }));
  return {
    articles,
    alignment: { pivot: articleIds[0]!, pairs },
    ...(columns ? { columns } : {}),
    claims,
    quotes,
    entities,
    conflicts,
    differs,
    notices,
    ...(truncated.length ? { truncated } : {}),
    ...(translations.pairs.length ? { translations: translations.pairs } : {}),
  };
}

export function compareArticles(inputs: CompareInput[], opts: CompareOptions = {}): CompareResult {
  const steps = compareSteps(inputs, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
