import { diffArrays } from 'diff';
import type { AlignmentRow, Range } from '../../contract';
import type { Edge, Unit } from './features';
import { paraphraseProbability } from './paraphrase';

/**
 * Sentences "report the same thing" when their TF-IDF cosine reaches this. Chosen on the seeds' gold set
 * (docs/compare-gold.md) and checked against unrelated BBC stories, where nothing may align.
 */
export const ALIGN_THRESHOLD = 0.26;
/** Candidates the paraphrase model is asked about: a lower cosine, since it reads more than shared words. */
export const CANDIDATE_THRESHOLD = 0.15;

/** A candidate pair is kept when the paraphrase model gives it at least this probability (its own cut). */
export const PARAPHRASE_CUT = 0.5;
/** Or when, in articles with other sentences to choose from, its cosine beats every rival's by this factor. */
export const RIVAL_MARGIN = 1.0;

/**
 * Which candidates (sentences whose TF-IDF cosine reaches ALIGN_THRESHOLD) report the same thing. Two pieces of
 * evidence, either enough:
 * - the paraphrase model (paraphrase.ts) says so on the two sentences alone (probability ≥ PARAPHRASE_CUT);
 * - the articles say so: each sentence is the other's closest one in the other article, ahead of at least one
 *   rival (a sentence that could have been chosen instead and scored lower). Reporters cover one point in
 *   different words and add different details, which the paraphrase model, trained on "same meaning", rejects;
 *   being the best of several is what tells that a sentence is the other outlet's take on the same point. A
 *   sentence with no rival (a one-sentence article) has only the first kind of evidence.
 * The score of a kept pair (0..1) is its cosine nudged up by a tenth of the probability, so that, between two readings
 * of one sentence, the paraphrase wins. `owner[s]` is the article of sentence s, `units[s]` its units.
 */
export function pairEdges(candidates: Edge[], units: Unit[][], owner: number[], cut = PARAPHRASE_CUT): Edge[] {
  const size = new Map<number, number>();
  for (const a of owner) size.set(a, (size.get(a) ?? 0) + 1);
  // Best and runner-up cosine of each sentence towards each other article.
  const best = new Map<string, { top: number; second: number }>();
  const note = (s: number, other: number, score: number) => {
    const k = `${s}>${other}`;
    const b = best.get(k) ?? { top: 0, second: 0 };
    if (score > b.top) [b.second, b.top] = [b.top, score];
    else if (score > b.second) b.second = score;
    best.set(k, b);
  };
  for (const e of candidates) {
    note(e.i, owner[e.j]!, e.score);
    note(e.j, owner[e.i]!, e.score);
  }
  const winsAgainstRivals = (s: number, other: number, score: number) => {
    const b = best.get(`${s}>${other}`)!;
    return size.get(other)! > 1 && score >= ALIGN_THRESHOLD && score >= b.top && score > b.second * RIVAL_MARGIN;
  };
  const out: Edge[] = [];
  for (const e of candidates) {
    const p = paraphraseProbability(units[e.i]!, units[e.j]!);
    const chosen = winsAgainstRivals(e.i, owner[e.j]!, e.score) && winsAgainstRivals(e.j, owner[e.i]!, e.score);
    if (p >= cut || chosen) out.push({ i: e.i, j: e.j, score: (e.score + p / 10) / 1.1 });
  }
  return out;
}

/**
 * One-to-one matching between the sentences of each pair of articles: edges taken best first, each sentence
 * used once per pair. Greedy on sorted scores is what an assignment solver returns on these sparse,
 * well-separated score matrices, in O(E log E) and deterministically (ties broken by position).
 */
export function matchPairs(edges: Edge[], owner: number[], threshold = 0): Map<string, Edge[]> {
  const sorted = edges.filter((e) => e.score >= threshold).sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const used = new Set<string>();
  const byPair = new Map<string, Edge[]>();
  for (const e of sorted) {
    const ai = owner[e.i]!;
    const aj = owner[e.j]!;
    const ui = `${e.i}>${aj}`;
    const uj = `${e.j}>${ai}`;
    if (used.has(ui) || used.has(uj)) continue;
    used.add(ui);
    used.add(uj);
    const key = ai < aj ? `${ai}:${aj}` : `${aj}:${ai}`;
    const norm = ai < aj ? e : { i: e.j, j: e.i, score: e.score };
    (byPair.get(key) ?? byPair.set(key, []).get(key)!).push(norm);
  }
  return byPair;
}

/**
 * Marked units become ranges; two become one only when nothing but a space or a hyphen stands between them
 * ("300 jobs"), so a highlight covers the words that differ and never the unchanged words between them.
 */
export function markRanges(units: Unit[], text: (from: number, to: number) => string): Range[] {
  const out: Range[] = [];
  for (const u of units) {
    const last = out[out.length - 1];
    if (last && u.start >= last[1] && /^[\s-]*$/u.test(text(last[1], u.start)) && u.start - last[1] <= 2) last[1] = u.end;
    else out.push([u.start, u.end]);
  }
  return out;
}

export type WordDiff = { changesA: Range[]; changesB: Range[]; variantsA: Range[]; variantsB: Range[] };

/**
 * Word-level differences of an aligned pair: jsdiff's Myers diff over the content units of each side (names,
 * stems, numbers; function words such as "the" or "of" are never marked). A word one side has and the other
 * does not is a change; a word the other side has elsewhere (a clause moved to the front) is not; the same
 * name spelled differently ("Türkiye's" / "Turkey's") is a variant, not a change. `textA`/`textB` read the
 * body of each side between two offsets (to tell adjacent words from words with something between them).
 */
export function wordDiff(
  allA: Unit[],
  allB: Unit[],
  textA: (from: number, to: number) => string = () => ' ',
  textB: (from: number, to: number) => string = () => ' ',
): WordDiff {
  const a = allA.filter((u) => u.content);
  const b = allB.filter((u) => u.content);
  const keysA = new Set(a.map((u) => u.key));
  const keysB = new Set(b.map((u) => u.key));
  const parts = diffArrays(a, b, { comparator: (x: Unit, y: Unit) => x.key === y.key });
  const onlyA: Unit[] = [];
  const onlyB: Unit[] = [];
  const varA: Unit[] = [];
  const varB: Unit[] = [];
  let ia = 0;
  let ib = 0;
  for (const p of parts) {
    const n = p.count ?? p.value.length;
    if (p.removed) {
      onlyA.push(...a.slice(ia, ia + n).filter((u) => !keysB.has(u.key)));
      ia += n;
    } else if (p.added) {
      onlyB.push(...b.slice(ib, ib + n).filter((u) => !keysA.has(u.key)));
      ib += n;
    } else {
      for (let k = 0; k < n; k++) {
        const x = a[ia + k]!;
        const y = b[ib + k]!;
        if (x.entity && x.surface.toLowerCase() !== y.surface.toLowerCase()) {
          varA.push(x);
          varB.push(y);
        }
      }
      ia += n;
      ib += n;
    }
  }
  return {
    changesA: markRanges(onlyA, textA),
    changesB: markRanges(onlyB, textB),
    variantsA: markRanges(varA, textA),
    variantsB: markRanges(varB, textB),
  };
}

/**
 * Rows for reading two articles side by side: in A's order, each A sentence with its match; a sentence only B
 * has is placed right after the row that holds the B sentence before it, so both columns read in order as
 * far as reordering allows.
 */
export function alignmentRows(
  countA: number,
  countB: number,
  pairs: Edge[],
  diff: (i: number, j: number) => WordDiff,
): Array<AlignmentRow & Pick<WordDiff, 'variantsA' | 'variantsB'>> {
  const partnerOfA = new Map<number, Edge>();
  const matchedB = new Set<number>();
  for (const e of pairs) {
    partnerOfA.set(e.i, e);
    matchedB.add(e.j);
  }
  const rows: Array<AlignmentRow & Pick<WordDiff, 'variantsA' | 'variantsB'>> = [];
  const rowOfB = new Map<number, number>();
  const pendingB: number[] = [];
  // B-only sentences that come before any matched B sentence go first.
  const placeUniqueB = (after: number) => {
    for (let j = after + 1; j < countB && !matchedB.has(j); j++) pendingB.push(j);
  };
  placeUniqueB(-1);
  const flush = () => {
    for (const j of pendingB.splice(0)) {
      rowOfB.set(j, rows.length);
      rows.push({ a: null, b: j, score: 0, changesA: [], changesB: [], variantsA: [], variantsB: [] });
    }
  };
  flush();
  for (let i = 0; i < countA; i++) {
    const e = partnerOfA.get(i);
    if (!e) {
      rows.push({ a: i, b: null, score: 0, changesA: [], changesB: [], variantsA: [], variantsB: [] });
      continue;
    }
    rowOfB.set(e.j, rows.length);
    rows.push({ a: i, b: e.j, score: Math.round(e.score * 1000) / 1000, ...diff(i, e.j) });
    placeUniqueB(e.j);
    flush();
  }
  return rows;
}
