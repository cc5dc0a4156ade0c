import type { CompareSentence, Conflict, ConflictPassage } from '../../contract';
import { affiliationsOf, type Affiliation } from './affiliations';
import { sameNameWord } from './names';
import type { DateMention, Quantity } from './quantities';
import { compareDates, consistent, datesOf, quantitiesOf } from './quantities';
import { contentKey, tokenize } from './tokens';

/**
 * Figures, dates and places on which two outlets disagree. Every figure and date of every sentence is set
 * against those of the other articles; two are about the same fact when they measure the same thing (the
 * same unit, the same counted noun) and the words around them share at least two content words ("the debt
 * limit for two months" / "borrowing limit … debt … three months"). Whole sentences need not align: outlets
 * put one fact in different sentences. Values the wording allows to be one (rounding, hedges) never conflict;
 * a different measure, a lower bound of a running toll, an update, or days either side of midnight give a
 * softer "differs" note.
 */
export type FactContext = {
  articleIds: string[];
  labels: string[];
  sentences: CompareSentence[][];
  /** Each article's publication date (ISO), when known: a date without a year takes its year. */
  published: Array<string | null>;
  /** The claim each sentence belongs to ('article:sentence' -> claim id), for sentences other outlets share. */
  claimOf?: Map<string, string>;
};

type Fact = {
  article: number;
  sentence: CompareSentence;
  /** Offsets in the sentence's text. */
  start: number;
  end: number;
  form: string;
  anchors: Set<string>;
  q?: Quantity;
  d?: DateMention;
};

/** Content words either side of a fact that say what it is about. */
const BEFORE = 6;
const AFTER = 5;
/**
 * Shared content words needed to call two facts one: two for figures (a figure already has a unit and a
 * counted noun in common), three for dates (a story spans several days, and names of its people and places
 * are around every one of them).
 */
const MIN_SHARED_FIGURE = 2;
const MIN_SHARED_DATE = 3;

const NOT_ANCHORS = new Set(
  (
    'sunday monday tuesday wednesday thursday friday saturday january february march april may june july august ' +
    'september october november december jan feb mar apr jun jul aug sep sept oct nov dec late early night morning ' +
    'evening afternoon last next day days week weeks month months year years decade decades percent cent thousand ' +
    'million billion trillion about around nearly almost roughly least more than over under some estimated ' +
    'one two three four five six seven eight nine ten dozen hundred'
  ).split(' '),
);
/** A value said to be revised or as of a later moment is an update (rule 3). */
const UPDATE = /\b(?:revis\w*|updated?|upward|downward|now stands|has (?:risen|climbed|grown|fallen)|as of)\b/i;
/** A day placed in a named time zone may be another outlet's next or previous day (rule 4). */
const TIME_ZONE = /\b(?:time zone|local time|East Coast|West Coast|Eastern time|[ECMP][SD]T|ET|GMT|UTC)\b/;
/** Tolls of a breaking event (rule 5). */
const TOLL = /^(?:dead|death|kill|injur|wound|missing|victim|casualt)/;

const REPORT_VERBS = String.raw`(?:said|says|announced|reported|told \w+|tweeted|posted|wrote|stated|added|noted|confirmed|revealed|disclosed|obtained)`;
const REPORTED_BEFORE = new RegExp(String.raw`\b${REPORT_VERBS}\s+(?:on\s+|late\s+|early\s+|late on\s+|early on\s+)?$`, 'i');
const REPORTED_AFTER = new RegExp(String.raw`^(?:\s+(?:night|evening|morning|afternoon))?,?\s+${REPORT_VERBS}\b`, 'i');
const BOUND_BEFORE =
  /\b(?:as (?:soon|early|late) as|no later than|by|before|until|after|since|through)\s+(?:late\s+|early\s+)?(?:on\s+)?$/i;

export function anchorsAround(text: string, start: number, end: number, skip: string | null): Set<string> {
  const toks = tokenize(text);
  const out = new Set<string>();
  const take = (i: number) => {
    const t = toks[i]!;
    if (NOT_ANCHORS.has(t.norm) || /^\d/.test(t.norm)) return false;
    const key = contentKey(t.norm);
    if (!key || key === skip || out.has(key)) return false;
    out.add(key);
    return true;
  };
  let first = toks.findIndex((t) => t.end > start);
  if (first < 0) first = toks.length;
  let last = first;
  while (last < toks.length && toks[last]!.start < end) last++;
  for (let i = first - 1, n = 0; i >= 0 && n < BEFORE; i--) if (take(i)) n++;
  for (let i = last, n = 0; i < toks.length && n < AFTER; i++) if (take(i)) n++;
  return out;
}

/**
 * Does the date say when the event happened? Not when it is the day something was said or reported ("said
 * Thursday", "The Times reported Sunday": coverage, not the event), nor a bound ("as soon as Wednesday",
 * "by late Wednesday night").
 */
function datesEvent(text: string, d: DateMention): boolean {
  const before = text.slice(Math.max(0, d.start - 30), d.start);
  const after = text.slice(d.end, d.end + 20);
  if (REPORTED_BEFORE.test(before) || REPORTED_AFTER.test(after)) return false;
  return !BOUND_BEFORE.test(before);
}

function factsOfArticle(article: number, sentences: CompareSentence[], published: string | null): Fact[] {
  const out: Fact[] = [];
  for (const s of sentences) {
    for (const q of quantitiesOf(s.text))
      out.push({
        article,
        sentence: s,
        start: q.start,
        end: q.end,
        form: q.text,
        q,
        anchors: anchorsAround(s.text, q.start, q.end, q.counted),
      });
    for (const d of datesOf(s.text, published)) {
      if (!datesEvent(s.text, d)) continue;
      out.push({ article, sentence: s, start: d.start, end: d.end, form: d.text, d, anchors: anchorsAround(s.text, d.start, d.end, null) });
    }
  }
  return out;
}

const sameCategory = (a: Fact, b: Fact) => (a.d && b.d ? true : !!a.q && !!b.q && a.q.kind === b.q.kind && a.q.unit === b.q.unit);

const sameValue = (a: Fact, b: Fact) =>
  a.d && b.d ? compareDates(a.d, b.d) === 'same' : !!a.q && !!b.q && a.q.value === b.q.value && a.q.second === b.q.second;

const sharedCount = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const k of a) if (b.has(k)) n++;
  return n;
};

type Verdict = 'conflict' | 'differs' | null;

function compareFigures(a: Quantity, b: Quantity, textA: string, textB: string): Verdict {
  if (a.kind !== b.kind || a.unit !== b.unit) return null;
  if (a.kind === 'tally') {
    if (a.value === b.value && a.second === b.second) return null;
    // Tallies of one vote add up to about the same number of members; far apart, they are two votes.
    const ta = a.value + a.second!;
    const tb = b.value + b.second!;
    return Math.abs(ta - tb) <= 0.05 * Math.max(ta, tb) ? 'conflict' : null;
  }
  if (consistent(a, b)) return null;
  // Counts of two different things (arrests vs encounters, families vs children) are two measures; money
  // and shares without a named measure ("$14 billion in aid", "5.9%") may be a total and a part of it.
  if (a.kind !== 'duration' && (!a.counted || !b.counted || a.counted !== b.counted)) return 'differs';
  if (a.hedge === 'atLeast' || b.hedge === 'atLeast') return 'differs';
  if (UPDATE.test(textA) || UPDATE.test(textB)) return 'differs';
  if (a.counted && TOLL.test(a.counted) && (a.hedge || b.hedge)) return 'differs';
  return 'conflict';
}

function compareFacts(a: Fact, b: Fact): Verdict {
  if (a.q && b.q) return compareFigures(a.q, b.q, a.sentence.text, b.sentence.text);
  if (a.d && b.d) {
    const v = compareDates(a.d, b.d);
    if (v === 'same' || v === null) return null;
    if (TIME_ZONE.test(a.sentence.text) || TIME_ZONE.test(b.sentence.text)) return 'differs';
    return v;
  }
  return null;
}

const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

const passageOf = (ctx: FactContext, f: Fact): ConflictPassage => ({
  article: ctx.articleIds[f.article]!,
  sentence: f.sentence.index,
  start: f.sentence.start + f.start,
  end: f.sentence.start + f.end,
  form: f.form,
});

/** One note from the facts joined by disagreeing pairs: each value with the outlets that give it. */
function describe(ctx: FactContext, facts: Fact[], conflict: boolean, about: string[]): Conflict {
  const byValue = new Map<string, Fact[]>();
  for (const f of facts) byValue.set(f.form, [...(byValue.get(f.form) ?? []), f]);
  const isDate = !!facts[0]!.d;
  const parts = [...byValue].map(([form, fs]) => `“${form}” (${list([...new Set(fs.map((f) => ctx.labels[f.article]!))])})`);
  const what = isDate ? 'dates' : 'figures';
  const topic = about.length ? ` for ${about.slice(0, 3).join(' / ')}` : '';
  return {
    kind: isDate ? 'date' : 'number',
    description: conflict
      ? `The outlets give different ${what}${topic}: ${parts.join(' vs ')}.`
      : `The outlets give ${what} that differ without contradicting each other${topic}: ${parts.join(' vs ')}.`,
    articles: [...new Set(facts.map((f) => ctx.articleIds[f.article]!))],
    forms: [...byValue.keys()],
    refs: [],
    passages: facts.map((f) => passageOf(ctx, f)),
  };
}

function figureAndDateNotes(ctx: FactContext): { conflicts: Conflict[]; differs: Conflict[] } {
  const facts = ctx.sentences.flatMap((list, a) => factsOfArticle(a, list, ctx.published[a] ?? null));
  // Each fact is set against its closest counterpart in each other article (most shared words, both ways):
  // "June 11 … June 14" in two outlets pairs 11 with 11 and 14 with 14, never 11 with 14.
  const bestMemo = new Map<string, number>();
  const best = (i: number, article: number): number => {
    const memo = bestMemo.get(`${i}:${article}`);
    if (memo !== undefined) return memo;
    let top = -1;
    let score = 0;
    facts.forEach((f, j) => {
      if (f.article !== article || !sameCategory(facts[i]!, f)) return;
      const n = sharedCount(facts[i]!.anchors, f.anchors);
      if (n > score) [top, score] = [j, n];
    });
    bestMemo.set(`${i}:${article}`, top);
    return top;
  };
  // A value another outlet states too, in the same words around it, is agreed on: it is not set against
  // that outlet's other values.
  const corroborated = (i: number, article: number) =>
    facts.some(
      (f) =>
        f.article === article &&
        sameCategory(facts[i]!, f) &&
        sameValue(facts[i]!, f) &&
        sharedCount(facts[i]!.anchors, f.anchors) >= MIN_SHARED_FIGURE,
    );
  const parent = facts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const verdicts = new Map<number, Verdict>();
  const about = new Map<number, string[]>();
  // Only facts of one category can be one fact: pairs are looked for within each (dates; money; months…).
  const byCategory = new Map<string, number[]>();
  facts.forEach((f, i) => {
    const key = f.d ? 'date' : `${f.q!.kind}|${f.q!.unit}`;
    (byCategory.get(key) ?? byCategory.set(key, []).get(key)!).push(i);
  });
  const pairs: Array<[number, number]> = [];
  for (const members of byCategory.values())
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) pairs.push([members[x]!, members[y]!]);
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [i, j] of pairs) {
    const a = facts[i]!;
    const b = facts[j]!;
    if (a.article === b.article) continue;
    if (a.q?.kind !== 'tally' && sharedCount(a.anchors, b.anchors) < (a.d ? MIN_SHARED_DATE : MIN_SHARED_FIGURE)) continue;
    const v = compareFacts(a, b);
    if (!v) continue;
    // A softer note on figures asks for more in common: two different figures near the same words are
    // common in one story (this month's rate and last month's), and a note on each would bury the real ones.
    if (
      v === 'differs' &&
      a.q &&
      (sharedCount(a.anchors, b.anchors) < MIN_SHARED_FIGURE + 1 || (a.q.kind === 'count' && (!a.q.counted || !b.q!.counted)))
    )
      continue;
    if (
      a.q?.kind !== 'tally' &&
      (best(i, b.article) !== j || best(j, a.article) !== i || corroborated(i, b.article) || corroborated(j, a.article))
    )
      continue;
    const ra = find(i);
    const rb = find(j);
    const root = Math.min(ra, rb);
    parent[Math.max(ra, rb)] = root;
    const seen = [verdicts.get(ra), verdicts.get(rb), v];
    verdicts.set(root, seen.includes('conflict') ? 'conflict' : 'differs');
    about.set(root, [...new Set([...(about.get(ra) ?? []), ...(about.get(rb) ?? []), ...[...a.anchors].filter((k) => b.anchors.has(k))])]);
  }
  const groups = new Map<number, Fact[]>();
  facts.forEach((f, i) => {
    const r = find(i);
    if (r === i && !verdicts.has(r)) return;
    groups.set(r, [...(groups.get(r) ?? []), f]);
  });
  const conflicts: Conflict[] = [];
  const differs: Conflict[] = [];
  for (const [root, fs] of groups) {
    if (fs.length < 2) continue;
    const isConflict = verdicts.get(root) === 'conflict';
    (isConflict ? conflicts : differs).push(describe(ctx, fs, isConflict, about.get(root) ?? []));
  }
  return { conflicts, differs };
}

/** One person given two states by two outlets ("Cory Booker, a New Jersey Democrat" / "Cory Booker, D-N.Y."). */
function placeConflicts(ctx: FactContext): Conflict[] {
  type Found = Affiliation & { article: number; sentence: CompareSentence };
  const found: Found[] = ctx.sentences.flatMap((list, article) =>
    list.flatMap((sentence) => affiliationsOf(sentence.text).map((x) => ({ ...x, article, sentence }))),
  );
  const out: Conflict[] = [];
  const done = new Set<string>();
  for (const a of found)
    for (const b of found) {
      if (b.article <= a.article || !a.state || !b.state || a.state === b.state) continue;
      // One person: the same surname and the same given name, both written.
      if (!a.given || !b.given || !sameNameWord(a.surname, b.surname) || !sameNameWord(a.given, b.given)) continue;
      const key = `${a.surname}|${a.state}|${b.state}`;
      if (done.has(key)) continue;
      done.add(key);
      const name = a.sentence.text.slice(0, a.start).match(/(\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+)[^\p{L}]*$/u)?.[1] ?? a.surname;
      const passage = (x: Found): ConflictPassage => ({
        article: ctx.articleIds[x.article]!,
        sentence: x.sentence.index,
        start: x.sentence.start + x.start,
        end: x.sentence.start + x.end,
        form: x.stateText!,
      });
      out.push({
        kind: 'place',
        description: `${name} is placed in two states: “${a.stateText}” (${ctx.labels[a.article]}) vs “${b.stateText}” (${ctx.labels[b.article]}).`,
        articles: [ctx.articleIds[a.article]!, ctx.articleIds[b.article]!],
        forms: [a.stateText!, b.stateText!],
        refs: [],
        passages: [passage(a), passage(b)],
      });
    }
  return out;
}

export function factNotes(ctx: FactContext): { conflicts: Conflict[]; differs: Conflict[] } {
  const { conflicts, differs } = figureAndDateNotes(ctx);
  return { conflicts: [...conflicts, ...placeConflicts(ctx)], differs };
}
