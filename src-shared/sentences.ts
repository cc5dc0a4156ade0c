/**
 * The one sentence splitter: the reader's `]`/`[` sentence choice and the comparison's alignment both cut
 * text here, so a sentence is the same sentence in both views.
 *
 * The platform's segmenter (ICU, through Intl.Segmenter) does the work for every script; it breaks after
 * every full stop that a capital follows, so its cuts are repaired where an abbreviation, not a sentence,
 * ends: titles before a name (Mr., Sen., Gen. …), Latin short forms (e.g., i.e., vs.), months and "No."
 * before a number, and initials, dotted acronyms and a.m./p.m. (J. K. Rowling, U.S., U.N., 5 p.m.) unless
 * what follows starts a sentence ("… in the U.S. The next day …"). Decimals, ellipses inside a sentence and closing quotes or
 * brackets after a full stop are ICU's own rules.
 */

export type SentenceRange = { start: number; end: number };

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: string | null): Intl.Segmenter {
  const key = lang ?? 'und';
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(key, { granularity: 'sentence' });
    } catch {
      s = new Intl.Segmenter('und', { granularity: 'sentence' });
    }
    segmenters.set(key, s);
  }
  return s;
}

const LEAD = '(?:^|[\\s(\\[“"‘\'«])';
/** Titles and short forms that never end a sentence in news text: the next word belongs to the same one. */
const TITLE = new RegExp(
  `${LEAD}(?:Mr|Mrs|Ms|Messrs|Dr|Drs|Prof|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Sgt|Cpl|Pvt|Capt|Cpt|Cmdr|Maj|Adm|Brig|Rev|Fr|Pres|Hon|Amb|Supt|Det|Insp|Atty|St|Mt|Ft|Jr|Sr|vs|v|cf|approx|ca|e\\.g|i\\.e)\\.$`,
  'u',
);
/** Short forms that precede a number: "Oct. 12", "No. 10", "Sept. 11". */
const BEFORE_NUMBER = new RegExp(`${LEAD}(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Art|Vol|pp?)\\.$`, 'u');
/** An initial ("W.") or a dotted acronym ("U.S.", "U.S.A."): a sentence may end on one, so what follows decides. */
const INITIALS = new RegExp(`${LEAD}(?:\\p{Lu}\\.)+$`, 'u');
/** a.m./p.m.: a capital after one continues the sentence only as a time zone or a day ("5 p.m. EST", "p.m. Friday"). */
const CLOCK = new RegExp(`${LEAD}[ap]\\.m\\.$`, 'u');
const AFTER_CLOCK =
  /^(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|EET|EEST|Eastern|Central|Mountain|Pacific|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/u;
/*
 * What the repairs test at a cut. Module constants rather than literals in the functions: tsx (esbuild
 * targeting Node) rewrites a literal with a Unicode property escape into `new RegExp(...)` run on each call.
 */
const OPENING_MARK = /^[“"‘'«([]/u;
const LEADING_WORD = /^[\p{L}\p{N}]+/u;
const CAPITAL_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const DIGIT = /\p{N}/u;

/** Words that start sentences, seldom a name after an initial or an acronym. */
const STARTERS = new Set(
  (
    'The A An He She It They We I You His Her Its Their Our My Your This That These Those There Here But And Or So Yet ' +
    'In On At For From By With Without After Before During When While If As Since Although Though Because However ' +
    'Meanwhile Still Now Then Also Some Many Most All Both Each Not What Who Why How Where Which Officials Others According Last Earlier Later'
  ).split(' '),
);

function startsSentence(text: string, at: number): boolean {
  const rest = text.slice(at, at + 40);
  if (OPENING_MARK.test(rest)) return true;
  const word = LEADING_WORD.exec(rest)?.[0] ?? '';
  return STARTERS.has(word);
}

/** Does the cut between `prev` and the piece at `next` fall after an abbreviation rather than a sentence? */
function isAbbreviationCut(text: string, prev: SentenceRange, next: number): boolean {
  const tail = text.slice(Math.max(prev.start, prev.end - 16), prev.end);
  const first = text.charAt(next);
  if (TITLE.test(tail)) return CAPITAL_OR_DIGIT.test(first);
  if (BEFORE_NUMBER.test(tail)) return DIGIT.test(first);
  if (CLOCK.test(tail)) return DIGIT.test(first) || AFTER_CLOCK.test(text.slice(next, next + 12));
  if (INITIALS.test(tail)) return CAPITAL_OR_DIGIT.test(first) && !startsSentence(text, next);
  return false;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/** The sentences of one text (a paragraph), trimmed, in offsets of `text`. */
export function splitSentences(text: string, lang: string | null): SentenceRange[] {
  const out: SentenceRange[] = [];
  for (const seg of segmenterFor(lang).segment(text)) {
    const lead = seg.segment.length - seg.segment.trimStart().length;
    const body = seg.segment.trim();
    if (!body) continue;
    const piece = { start: seg.index + lead, end: seg.index + lead + body.length };
    const prev = out[out.length - 1];
    if (prev && (isAbbreviationCut(text, prev, piece.start) || !HAS_WORD.test(body))) prev.end = piece.end;
    else out.push(piece);
  }
  // A text that opens with a lone "…" or quote mark has nothing before to attach it to.
  return out.filter((p) => HAS_WORD.test(text.slice(p.start, p.end)));
}

/** What splitting an article needs of a block: its range in the body (null when not part of it) and its language. */
export type SentenceBlock = { start: number | null; end: number | null; lang: string | null };

/** Every sentence of an article's clean text, block by block (a sentence never runs across paragraphs), in body offsets. */
export function articleSentences(
  body: string,
  blocks: readonly SentenceBlock[],
  lang: string | null,
): (SentenceRange & { block: number })[] {
  const out: (SentenceRange & { block: number })[] = [];
  blocks.forEach((b, block) => {
    if (b.start === null || b.end === null) return;
    for (const p of splitSentences(body.slice(b.start, b.end), b.lang ?? lang))
      out.push({ start: b.start + p.start, end: b.start + p.end, block });
  });
  return out;
}
