import { diffArrays } from 'diff';
import type { DiffSegment } from '../../contract';
import type { Token } from '../compare/tokens';
import { tokenizeOnce } from '../compare/tokens';

/**
 * Edits beyond which a word diff gives up on one pass (jsdiff's Myers diff costs O(N·D)): a rewritten
 * article is then compared paragraph by paragraph, and a paragraph that is still too different is shown as
 * deleted and inserted whole. A bound on edits, not on time, so the same two texts always give the same diff.
 */
const MAX_WORD_EDITS = 2000;

export type TextDiff = { segments: DiffSegment[]; inserted: number; deleted: number };

/**
 * What changed between two versions of a text, word by word, for reading: every word counts (unlike the
 * comparison of two outlets in core/compare/align.ts, which marks only content words and ignores words
 * moved, since there the question is what one outlet reports that the other does not). The words are the
 * comparison's tokens (core/compare/tokens.ts), compared as written, so a changed case or accent is a change;
 * what stands between words (spaces, punctuation) is taken from the newer text and is not marked, so a
 * change of punctuation alone shows nothing. Joining the `same` and `inserted` runs gives the newer text.
 */
export function versionDiff(older: string, newer: string): TextDiff {
  const out: DiffSegment[] = [];
  const counts = { inserted: 0, deleted: 0 };
  if (!diffWords(older, newer, out, counts)) diffByParagraph(older, newer, out, counts);
  return { segments: tidy(out), ...counts };
}

type Counts = { inserted: number; deleted: number };

/** A stretch of the diff: words both texts share, or a change (older words [a0, a1) became newer words [b0, b1)). */
type Run = { same: boolean; a0: number; a1: number; b0: number; b1: number };

/** Common words this few, between two changes longer than them on each side, are shown as part of one change. */
const STRAY_MATCH = 3;

/**
 * Myers finds the longest common run of words, which can pair "the search in" of a new sentence with the
 * same words of another sentence; shown, that breaks a new sentence into pieces. As diff-match-patch's
 * semantic clean-up does, a few common words between larger changes join them into one change.
 */
function joinStrayMatches(runs: Run[]): Run[] {
  const size = (r: Run | undefined) => (r && !r.same ? Math.max(r.a1 - r.a0, r.b1 - r.b0) : 0);
  const out: Run[] = [];
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    const prev = out[out.length - 1];
    const n = r.a1 - r.a0;
    if (r.same && prev && !prev.same && n <= STRAY_MATCH && size(prev) > n && size(runs[k + 1]) > n) {
      prev.a1 = r.a1;
      prev.b1 = r.b1;
      continue;
    }
    if (!r.same && prev && !prev.same) {
      prev.a1 = r.a1;
      prev.b1 = r.b1;
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

/** A word diff of two texts into `out`; false (and nothing added) when they differ by more than MAX_WORD_EDITS words. */
function diffWords(older: string, newer: string, out: DiffSegment[], counts: Counts, limit = MAX_WORD_EDITS): boolean {
  const a = tokenizeOnce(older);
  const b = tokenizeOnce(newer);
  const parts = diffArrays<Token>(a, b, { comparator: (x, y) => x.text === y.text, maxEditLength: limit });
  if (!parts) return false;
  const runs: Run[] = [];
  let ia = 0;
  let ib = 0;
  for (const p of parts) {
    const n = p.count ?? p.value.length;
    if (n === 0) continue;
    const da = p.added ? 0 : n;
    const db = p.removed ? 0 : n;
    runs.push({ same: !p.added && !p.removed, a0: ia, a1: ia + da, b0: ib, b1: ib + db });
    ia += da;
    ib += db;
  }
  // Where the text last shown from each side ended: what stands between words is read from there.
  let endA = 0;
  let endB = 0;
  for (const r of joinStrayMatches(runs)) {
    if (r.same) {
      endA = a[r.a1 - 1]!.end;
      const last = b[r.b1 - 1]!;
      out.push({ op: 'same', text: newer.slice(endB, last.end) });
      endB = last.end;
      continue;
    }
    // Punctuation before the change is the newer text's and unmarked; the space before it goes with the marks.
    const nextB = r.b1 > r.b0 ? b[r.b0]!.start : (b[r.b1]?.start ?? newer.length);
    const keep = spaceBefore(newer, endB, nextB);
    out.push({ op: 'same', text: newer.slice(endB, keep) });
    endB = keep;
    if (r.a1 > r.a0) {
      const last = a[r.a1 - 1]!;
      out.push({ op: 'deleted', text: older.slice(spaceBefore(older, endA, a[r.a0]!.start), last.end) });
      counts.deleted += r.a1 - r.a0;
      endA = last.end;
    }
    if (r.b1 > r.b0) {
      const last = b[r.b1 - 1]!;
      out.push({ op: 'inserted', text: newer.slice(endB, last.end) });
      counts.inserted += r.b1 - r.b0;
      endB = last.end;
    }
  }
  if (endB < newer.length) out.push({ op: 'same', text: newer.slice(endB) });
  return true;
}

/** Where the white space just before `to` begins, looking no further back than `from`. */
function spaceBefore(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && /\s/.test(text[i - 1]!)) i--;
  return i;
}

/** For texts too different to diff word by word at once: paragraphs first, then words inside the ones that changed. */
function diffByParagraph(older: string, newer: string, out: DiffSegment[], counts: Counts): void {
  const paras = (t: string) => t.split(/(?<=\n)/);
  const a = paras(older);
  const b = paras(newer);
  const parts = diffArrays(a, b) ?? [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const text = p.value.join('');
    if (!p.added && !p.removed) {
      out.push({ op: 'same', text });
      continue;
    }
    const next = parts[k + 1];
    if (p.removed && next?.added) {
      // A paragraph rewritten: its words, unless it changed beyond recognition.
      const newText = next.value.join('');
      if (!diffWords(text, newText, out, counts)) {
        out.push({ op: 'deleted', text }, { op: 'inserted', text: newText });
        counts.deleted += tokenizeOnce(text).length;
        counts.inserted += tokenizeOnce(newText).length;
      }
      k++;
      continue;
    }
    out.push({ op: p.added ? 'inserted' : 'deleted', text });
    counts[p.added ? 'inserted' : 'deleted'] += tokenizeOnce(text).length;
  }
}

/**
 * Empty runs go and neighbours of one kind become one. A marked run keeps the space before it, so the words
 * never run together; the reader shows that space outside the mark.
 */
function tidy(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const s of segments) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === s.op) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
