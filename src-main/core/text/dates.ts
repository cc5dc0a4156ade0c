import * as chrono from 'chrono-node';

export type FoundDate = { iso: string; text: string; index: number; coverage: number };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * chrono's parser for a language: month names and numeric order as that language writes them. Languages
 * without a chrono locale that write dates day first (DD.MM.YYYY: Turkish, Polish, Czech…) use British
 * English for the numbers, with their month names translated first (MONTH_NAMES). English is read as US
 * English (MM/DD/YYYY) unless the day cannot be a month; a page's locale from its HTML can say otherwise.
 */
const PARSERS: Record<string, chrono.Chrono> = {
  de: chrono.de.strict,
  fr: chrono.fr.strict,
  pt: chrono.pt.strict,
  es: chrono.es.strict,
  it: chrono.it.strict,
  nl: chrono.nl.strict,
  ru: chrono.ru.strict,
  uk: chrono.uk.strict,
  ja: chrono.ja.strict,
  zh: chrono.zh.strict,
  sv: chrono.sv.strict,
  fi: chrono.fi.strict,
  id: chrono.id.strict,
  vi: chrono.vi.strict,
};
/** British English, strict: numbers read day first, and no casual words ("today", "tonight"). */
const enDayFirst = new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true));
const DAY_FIRST = new Set([
  'tr',
  'pl',
  'cs',
  'sk',
  'hu',
  'ro',
  'hr',
  'sr',
  'bg',
  'el',
  'da',
  'no',
  'nb',
  'ar',
  'en-gb',
  'en-in',
  'en-au',
  'en-nz',
  'en-ie',
  'en-za',
]);

/** Month names of day-first languages chrono has no locale for, mapped to English. */
const MONTH_NAMES: Record<string, string[]> = {
  tr: ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
  pl: [
    'stycznia',
    'lutego',
    'marca',
    'kwietnia',
    'maja',
    'czerwca',
    'lipca',
    'sierpnia',
    'września',
    'października',
    'listopada',
    'grudnia',
  ],
};
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthRes = Object.fromEntries(
  Object.entries(MONTH_NAMES).map(([lang, names]) => [lang, new RegExp(`(?<!\\p{L})(${names.join('|')})(?!\\p{L})`, 'giu')]),
);

function parserFor(locale: string | null | undefined): { parser: chrono.Chrono; translate: (s: string) => string } {
  const tag = (locale ?? '').toLowerCase().replace('_', '-');
  const lang = tag.split('-')[0]!;
  const parser = PARSERS[lang] ?? (DAY_FIRST.has(tag) || DAY_FIRST.has(lang) ? enDayFirst : chrono.strict);
  const re = monthRes[lang];
  const names = MONTH_NAMES[lang];
  const translate =
    re && names ? (s: string) => s.replace(re, (m) => ENGLISH_MONTHS[names.indexOf(m.toLocaleLowerCase(lang))] ?? m) : (s: string) => s;
  return { parser, translate };
}

const ASCII_DIGIT = /[0-9]/;

/** "1 day ago", "3 hours ago": chrono counts them from the moment of parsing, which is not a date the page states. */
const isRelative = (r: chrono.ParsedResult) => [...r.tags()].some((t) => t.startsWith('result/relative'));

/**
 * The first fully stated date (year, month and day all written) in a line, with how much of the line
 * it covers, read in the given language or locale ("de", "tr", "en-GB"). Relative phrases ("on Sunday",
 * "1 day ago") and dates without a year are ignored: they would be guesses.
 */
export function findStatedDate(line: string, locale?: string | null): FoundDate | null {
  const { parser, translate } = parserFor(locale);
  const text = translate(line);
  // English writes a year only in digits (chrono's English year pattern is [0-9] only), so a line without
  // one holds no stated date in English: most prose lines are answered without running chrono's parsers,
  // which were a seventh of the import's analysis time. Other locales may spell years (Chinese 二零一五年).
  const english = parser === chrono.strict || parser === enDayFirst;
  if (english && !ASCII_DIGIT.test(text)) return null;
  // A page in another language often prints its dates in English ("23 Nov 2017"): English reads what the
  // page's own locale does not.
  const own = parser.parse(text);
  const results = own.length || parser === chrono.strict ? own : ASCII_DIGIT.test(text) ? chrono.strict.parse(text) : [];
  for (const r of results) {
    const s = r.start;
    if (isRelative(r) || !s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) continue;
    const y = s.get('year');
    const m = s.get('month');
    const d = s.get('day');
    if (y === null || m === null || d === null || y < 1800 || y > 2200) continue;
    const letters = text.replace(/[^\p{L}\p{N}]/gu, '').length || 1;
    const covered = r.text.replace(/[^\p{L}\p{N}]/gu, '').length;
    return { iso: `${y}-${pad(m)}-${pad(d)}`, text: r.text, index: r.index, coverage: covered / letters };
  }
  return null;
}

export type RelativeDate = { text: string; days: number };

/**
 * A relative date ("1 day ago", "vor 2 Tagen", "3 hours ago") as a whole number of days before the moment
 * the page was shown. It only becomes a date against a date the page prints (resolveRelativeDate).
 */
export function findRelativeDate(line: string, locale?: string | null): RelativeDate | null {
  if (line.length > 120) return null;
  const ref = new Date(Date.UTC(2000, 5, 15, 12));
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0]!;
  // Relative phrases are casual language ("vor 2 Tagen"): the locale's casual parser reads them, then English's.
  const casual = (chrono as unknown as Record<string, { casual?: chrono.Chrono }>)[lang]?.casual;
  for (const r of [...(casual && casual !== chrono.casual ? casual.parse(line, ref) : []), ...chrono.casual.parse(line, ref)]) {
    if (!isRelative(r)) continue;
    const at = r.start.date();
    const days = Math.round((Date.UTC(2000, 5, 15) - Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())) / 86_400_000);
    if (days >= 0) return { text: r.text, days };
  }
  return null;
}

/** The day `rel.days` before `isoDay` (YYYY-MM-DD). */
export function resolveRelativeDate(rel: RelativeDate, isoDay: string): string {
  const d = new Date(`${isoDay}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - rel.days);
  return d.toISOString().slice(0, 10);
}
