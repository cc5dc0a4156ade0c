import { contentKey, tokenizeOnce } from './tokens';

/**
 * Figures and dates as a sentence states them: the value, the unit, what is counted, and the range of true
 * values the wording allows (docs/compare-gold.md, rules 1-2), so that "nearly 190,000" and 188,829 agree
 * and "$1.2 trillion" is one figure (1.2e12), not the numbers 1 and 2. Pure and hand-written: the forms news
 * English uses are few, and a parser that reads every sentence must stay fast (bench:compare).
 */

/** How the wording bounds the value: "about X", "nearly X", "more than X", "at least X", "up to X". */
export type Hedge = 'about' | 'nearly' | 'over' | 'atLeast' | 'under' | null;

export type Quantity = {
  kind: 'count' | 'money' | 'percent' | 'duration' | 'tally';
  /** The stated value, scale words applied ("$1.2 trillion" is 1.2e12; a tally's first side). */
  value: number;
  /** The range of true values the statement allows (rounding at its last stated digit, and the hedge). */
  low: number;
  high: number;
  /** '$', '%', 'month', 'year'… or 'count' for things counted. */
  unit: string;
  /** The stem of what is counted ("migrant", "arrest", "vote"), when a noun follows the number. */
  counted: string | null;
  hedge: Hedge;
  /** The tally's other side ("222-190": 190). */
  second?: number;
  /** The words as written, and their offsets in the sentence. */
  text: string;
  start: number;
  end: number;
};

export type DateMention = {
  /** 0 = Sunday … 6 = Saturday, as stated or as the calendar gives it for a full date. */
  weekday: number | null;
  /** A calendar date, 'MM-DD' or 'YYYY-MM-DD' when the year is known. */
  day: string | null;
  /** "late Thursday", "Wednesday night" / "early Friday", "Friday morning". */
  part: 'late' | 'early' | null;
  text: string;
  start: number;
  end: number;
};

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};
const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  bn: 1e9,
  b: 1e9,
  tn: 1e12,
};
const DURATIONS: Record<string, [string, number]> = {
  day: ['day', 1],
  days: ['day', 1],
  week: ['week', 1],
  weeks: ['week', 1],
  month: ['month', 1],
  months: ['month', 1],
  year: ['year', 1],
  years: ['year', 1],
  decade: ['year', 10],
  decades: ['year', 10],
};
const CURRENCY: Record<string, string> = { $: '$', '€': '€', '£': '£' };
/** Words between a number and its noun that do not say what is counted ("10 additional interviews"). */
const MODIFIERS = new Set(['additional', 'more', 'new', 'other', 'total', 'extra', 'further', 'fewer', 'less', 'million', 'billion']);

// Word numbers as written at a sentence start or inside one ("Two", "two"); no case-insensitive flag, which
// makes the scan several times slower.
const NUMBER_WORD = Object.keys(WORD_NUMBERS)
  .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
  .join('|');
const MAYBE_QUANTITY = new RegExp(String.raw`\d|\b(?:${NUMBER_WORD})\b`);
const QUANTITY = new RegExp(
  String.raw`(?<cur>[$€£])?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:${NUMBER_WORD})\b)` +
    String.raw`(?:[\s-](?<scale>hundred|thousand|million|billion|trillion|bn|tn)\b|(?<abbr>[kKmMbB]n?)\b)?` +
    String.raw`(?<pct>\s?(?:%|percent\b|per cent\b))?`,
  'g',
);
const MONTH_BEFORE = /\b(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+$/;
/** "220-190", "220-to-190", "220 to 190" beside a vote. */
const TALLY = /\b(\d{1,3})\s?(?:-to-|–|—|-|\sto\s)\s?(\d{1,3})\b/g;
/*
 * The small patterns the parser tries at each figure. Module constants rather than literals in the functions:
 * tsx (esbuild targeting Node) rewrites a literal with a Unicode property escape into `new RegExp(...)` where it
 * stands, run on every figure. None has the g or y flag, so one object serves every call.
 */
const LETTER_START = /^\p{L}/u;
const HYPHEN_WORD_AFTER = /^-\p{L}/u;
const LETTER_HYPHEN_BEFORE = /\p{L}[-‐]$/u;
const WORD_AFTER = /^\s+\p{L}/u;
const NEXT_WORD = /^\s+(\p{L}+)/u;
const NEXT_NOUN = /^\s+[\p{L}'’-]+/u;

const HEDGES: Array<[Hedge, RegExp]> = [
  ['atLeast', /\bat least\s*$/i],
  ['nearly', /\b(?:nearly|almost|close to|just under|just shy of)\s*$/i],
  ['over', /\b(?:more than|over|above|upwards of|in excess of|exceeding|topping)\s*$/i],
  ['under', /\b(?:under|up to|fewer than|less than|below|no more than)\s*$/i],
  ['about', /\b(?:about|around|roughly|approximately|some|an estimated|estimated|nearly about)\s*$/i],
];

/** The place value of the last stated digit: 188,829 -> 1; 178,000 -> 1,000; 1.2 -> 0.1. */
function lastDigit(num: string): { step: number; significant: number } {
  const plain = num.replace(/,/g, '');
  const [int, frac = ''] = plain.split('.');
  if (frac) return { step: 10 ** -frac.length, significant: `${int}${frac}`.replace(/^0+/, '').length };
  const zeros = /0*$/.exec(int!)![0].length;
  const digits = int!.replace(/^0+/, '');
  return { step: 10 ** Math.min(zeros, Math.max(0, digits.length - 1)), significant: Math.max(1, digits.length - zeros) };
}

/**
 * The true values a statement allows. Rule 1: a figure may be rounded or truncated at its last stated digit,
 * except an exact count (a number of things or days stated to the unit). Rule 2: "nearly" X is at or below X,
 * "more than" X at or above it (a floor when X has one or two significant digits, else the outlet's own figure
 * truncated: "more than 178,000" is 178,000-178,999), "up to" X at or below.
 */
export function allowedRange(value: number, step: number, significant: number, hedge: Hedge, exact: boolean): [number, number] {
  const rounded: [number, number] = exact && hedge === null ? [value, value] : [value - step / 2, value + step];
  switch (hedge) {
    case 'nearly':
      return [value - step, value];
    case 'over':
      return significant <= 2 ? [value, Infinity] : [value, value + step];
    case 'atLeast':
      return [value, Infinity];
    case 'under':
      return significant <= 2 ? [-Infinity, value] : [value - step, value];
    default:
      return rounded;
  }
}

export const consistent = (a: Pick<Quantity, 'low' | 'high'>, b: Pick<Quantity, 'low' | 'high'>) => a.low <= b.high && b.low <= a.high;

/** The head noun after a number ("188,829 border crossers" -> "crosser"), null when none follows. */
function countedNoun(text: string, from: number): string | null {
  const toks = tokenizeOnce(text.slice(from, from + 60));
  let head: string | null = null;
  let at = 0;
  for (const t of toks.slice(0, 3)) {
    if (text.slice(from + at, from + t.start).trim() !== '') break; // punctuation ends the noun phrase
    if (!LETTER_START.test(t.norm)) break;
    const key = contentKey(t.norm);
    if (!key) break;
    if (!MODIFIERS.has(t.norm)) head = key;
    at = t.end;
  }
  return head;
}

/** The hedge written just before a figure, and where it starts. */
function hedgeBefore(text: string, at: number): { hedge: Hedge; start: number } {
  const from = Math.max(0, at - 24);
  const before = text.slice(from, at);
  for (const [h, re] of HEDGES) {
    const m = re.exec(before);
    if (m) return { hedge: h, start: from + m.index };
  }
  return { hedge: null, start: at };
}

/** Numbers, money, percentages, durations and vote tallies in one sentence, left to right. */
export function quantitiesOf(text: string): Quantity[] {
  const out: Quantity[] = [];
  if (!MAYBE_QUANTITY.test(text)) return out;
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(TALLY)) {
    const around = text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40);
    if (!/\bvot(?:e|ed|es|ing)\b/i.test(around) || /\d[-–]\s*$/.test(text.slice(0, m.index))) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    out.push({
      kind: 'tally',
      value: a,
      low: a,
      high: a,
      second: b,
      unit: 'vote',
      counted: 'vote',
      hedge: null,
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(QUANTITY)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    const g = m.groups!;
    const raw = g.num!;
    const wordNumber = WORD_NUMBERS[raw.toLowerCase()];
    // "seven-day average", "100-year anniversary": a compound adjective, not a stated figure.
    if (HYPHEN_WORD_AFTER.test(text.slice(end)) && !g.scale) continue;
    // Part of a name ("COVID-19", "G-7", "F-35"), not a figure.
    if (!g.cur && LETTER_HYPHEN_BEFORE.test(text.slice(Math.max(0, start - 2), start))) continue;
    // Years, and parts of dates, codes and times ("June 30", "9/11", "10:30").
    if (!g.cur && !g.scale && !g.pct && /^(?:1[89]|20)\d\d$/.test(raw)) continue;
    if (/[/:.]$/.test(text.slice(0, m.index).trimEnd().slice(-1)) && !g.cur) continue;
    if (/^[/:]\d/.test(text.slice(end))) continue;
    // The day of a calendar date ("June 30", "Oct. 4") is a date, read by datesOf.
    if (MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    if (wordNumber !== undefined && /^(?:one|some)$/i.test(raw) && !WORD_AFTER.test(text.slice(end))) continue;
    const scaleWord = (g.scale ?? (g.cur ? g.abbr : undefined))?.toLowerCase();
    const scale = scaleWord ? (SCALES[scaleWord] ?? 1) : 1;
    const base = wordNumber ?? Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    const digits = wordNumber !== undefined ? { step: 1, significant: 1 } : lastDigit(raw);
    const value = base * scale;
    const step = digits.step * scale;
    const { hedge, start: shownStart } = hedgeBefore(text, start);
    const nounAt = end;
    const next = NEXT_WORD.exec(text.slice(nounAt));
    const duration = next ? DURATIONS[next[1]!.toLowerCase()] : undefined;
    let kind: Quantity['kind'] = 'count';
    let unit = 'count';
    let v = value;
    let st = step;
    let counted: string | null = null;
    let shownEnd = end;
    if (g.cur) {
      kind = 'money';
      unit = CURRENCY[g.cur] ?? g.cur;
    } else if (g.pct) {
      kind = 'percent';
      unit = '%';
    } else if (duration) {
      kind = 'duration';
      unit = duration[0];
      v = value * duration[1];
      st = step * duration[1];
      shownEnd = nounAt + next![0].length;
    } else {
      // A bare "one" or a word number must count something to be a figure.
      counted = countedNoun(text, nounAt);
      if (wordNumber !== undefined && !counted) continue;
      if (counted) shownEnd = nounAt + (NEXT_NOUN.exec(text.slice(nounAt))?.[0].length ?? 0);
    }
    if (kind !== 'count') counted = countedNoun(text, shownEnd);
    const exact = (kind === 'count' || kind === 'duration') && st === 1;
    const [low, high] = allowedRange(v, st, digits.significant, hedge, exact);
    out.push({ kind, value: v, low, high, unit, counted, hedge, text: text.slice(shownStart, shownEnd), start: shownStart, end: shownEnd });
  }
  return out.sort((a, b) => a.start - b.start);
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY =
  /\b(?:(?<before>late|early)\s+)?(?<day>Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b(?:\s+(?<after>night|evening|morning|afternoon))?/g;
const CALENDAR =
  /\b(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>(?:19|20)\d\d))?/g;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Weekdays and calendar dates in one sentence. A date without a year takes the year of `published` (the
 * article's date), which gives it a weekday to compare with another outlet's "Monday"; without one it
 * is compared only with other dates.
 */
export function datesOf(text: string, published: string | null = null): DateMention[] {
  const out: DateMention[] = [];
  const year = published && /^\d{4}/.test(published) ? Number(published.slice(0, 4)) : null;
  for (const m of text.matchAll(WEEKDAY)) {
    const g = m.groups!;
    const part = g.before
      ? (g.before.toLowerCase() as 'late' | 'early')
      : g.after
        ? /night|evening/i.test(g.after)
          ? 'late'
          : g.after.toLowerCase() === 'morning'
            ? 'early'
            : null
        : null;
    out.push({
      weekday: WEEKDAYS.findIndex((w) => w.startsWith(g.day!.toLowerCase())),
      day: null,
      part,
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const m of text.matchAll(CALENDAR)) {
    const g = m.groups!;
    const month = MONTHS.indexOf(g.month!.slice(0, 3).toLowerCase());
    const d = Number(g.d);
    if (d < 1 || d > 31) continue;
    const y = g.y ? Number(g.y) : year;
    const weekday = y ? new Date(Date.UTC(y, month, d)).getUTCDay() : null;
    out.push({
      weekday,
      day: `${y ? `${y}-` : ''}${pad(month + 1)}-${pad(d)}`,
      part: null,
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Two dates for one event: 'same', 'differs' (adjacent days either side of midnight, "late Thursday" /
 * "early Friday"), 'conflict', or null when they cannot be compared (a weekday against a date of no known year).
 */
export function compareDates(a: DateMention, b: DateMention): 'same' | 'differs' | 'conflict' | null {
  if (a.day && b.day) {
    const ya = a.day.length > 5;
    const yb = b.day.length > 5;
    const da = ya && !yb ? a.day.slice(5) : a.day;
    const db = yb && !ya ? b.day.slice(5) : b.day;
    return da === db ? 'same' : 'conflict';
  }
  if (a.weekday === null || b.weekday === null) return null;
  if (a.weekday === b.weekday) return 'same';
  const [first, second] = (a.weekday + 1) % 7 === b.weekday ? [a, b] : (b.weekday + 1) % 7 === a.weekday ? [b, a] : [null, null];
  if (first && second && (first.part === 'late' || second.part === 'early')) return 'differs';
  return 'conflict';
}
