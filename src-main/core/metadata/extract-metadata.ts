import type { ArticleMeta, MetaField, MetaKey } from '../../contract';
import { metaKeys } from '../../contract';
import type { ClassifiedLine } from '../article/classify-lines';
import { outletOfDatelineLine, sourceOutlet } from '../article/classify-lines';
import { bylinePattern, agencyDatelinePattern } from '../article/line-rules';
import { canonicalOutlet } from '../article/outlets';
import { joinNames, opensAsByline, parseByline } from './byline';
import { findHeadline } from './headline';
import { outletNamedInText } from './outlet-in-text';
import { findRelativeDate, findStatedDate, resolveRelativeDate } from '../text/dates';
import { detectLanguage } from '../text/language';
import { collapseSpaces } from '../text/normalise-text';

const none: MetaField = { value: null, confidence: 0, source: 'none', cue: null };
const fromText = (value: string, confidence: number, cue: string): MetaField => ({
  value,
  confidence,
  source: 'text',
  cue: cue.length > 200 ? `${cue.slice(0, 199)}…` : cue,
});

export function emptyMeta(): ArticleMeta {
  return Object.fromEntries(metaKeys.map((k) => [k, none])) as ArticleMeta;
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());

/** "Turkey and Syria held a high-level meeting in Ankara on Sunday…" for an article with no title line. */
function titleFromLead(lines: ClassifiedLine[]): MetaField {
  const lead = lines.find((l) => l.kind === 'paragraph' || l.kind === 'standfirst');
  if (!lead) return none;
  const sentence = lead.text.split(/(?<=[.!?])\s/u)[0]!;
  if (sentence.length <= 100)
    return { value: sentence.replace(/[.]$/, ''), confidence: 0.3, source: 'derived', cue: lead.text.slice(0, 200) };
  const cut = sentence.slice(0, 100);
  return {
    value: `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 100)}…`,
    confidence: 0.3,
    source: 'derived',
    cue: lead.text.slice(0, 200),
  };
}

/**
 * "Published 1 day ago" near the top: counted back from a date the page prints (a masthead's date, say) and
 * marked as a guess; with no printed date it stays unknown, its cue kept, since the day of the import is
 * not the day of publication.
 */
const RELATIVE_WORD = /\b(ago|vor|il y a|hace|há|fa|geleden|sedan|назад|tagen|stunden)\b|前|전/iu;
function relativePublication(lines: ClassifiedLine[], lang: string | null): MetaField {
  for (const l of lines.slice(0, 60)) {
    // Cheap test first: chrono is only asked about lines that can hold a relative date.
    if (l.text.length > 80 || !/\d/.test(l.text) || !RELATIVE_WORD.test(l.text)) continue;
    const rel = findRelativeDate(l.text, lang);
    if (!rel) continue;
    const printed = lines.map((x) => (x.text.length <= 80 ? findStatedDate(x.text, lang) : null)).find((d) => d !== null);
    if (printed)
      return {
        value: resolveRelativeDate(rel, printed.iso),
        confidence: 0.4,
        source: 'derived',
        cue: `${l.text.trim()} (counted from ${printed.text}, printed on the page)`.slice(0, 200),
      };
    return {
      value: null,
      confidence: 0,
      source: 'derived',
      cue: `${l.text.trim()}: no date printed on the page to count from`.slice(0, 200),
    };
  }
  return none;
}

/**
 * A byline in the forms newsrooms print ("By A and B", "Posted by A on …", "Von A", "Reporting by A; Editing
 * by B" at the foot), near the headline or in the last lines; accepted only when it reads as names.
 */
function bylineInText(lines: ClassifiedLine[], headline: number, outlet: string | null): MetaField {
  const from = Math.max(0, headline);
  const near = lines.slice(from, from + 12);
  const foot = lines.slice(-15).filter((l) => /reporting by/i.test(l.text));
  for (const l of [...near, ...foot]) {
    const t = l.text.trim();
    if (t.length > 200 || !opensAsByline(t)) continue;
    const b = parseByline(t, [outlet]);
    if (b?.names.length) return fromText(joinNames(b.names), 0.7, t);
  }
  return none;
}

/**
 * Metadata from the text's own cues, each with a confidence and the line it came from. Where the text does
 * not say (no outlet named, no date stated), the field stays empty for the user to fill: nothing is invented.
 */
export function extractMetadata(lines: ClassifiedLine[], body: string): ArticleMeta {
  const meta: Record<MetaKey, MetaField> = { ...emptyMeta() };
  const headerEnd = Math.min(lines.length, 12);

  const titleLine = lines.find((l) => l.role === 'title');
  const found = findHeadline(lines);
  // A line hidden as a repeat of the title line is a second version of the same headline: the title line,
  // printed first, is kept.
  const headline = found && titleLine && lines[found.index]!.reason === 'repeated title' ? null : found;
  if (headline && (lines[headline.index] !== titleLine || headline.text !== titleLine?.text.trim())) {
    meta.title = fromText(collapseSpaces(headline.text), 0.8, lines[headline.index]!.text);
  } else meta.title = titleLine ? fromText(collapseSpaces(titleLine.text), 0.9, titleLine.text) : titleFromLead(lines);

  const dateLines = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.role === 'date');
  const published = dateLines.find(({ l }) => !/^\s*(last\s+)?updated/i.test(l.text)) ?? dateLines[0];
  const lang = detectLanguage(body);
  // The article's language decides the order of a numeric date (08.04.2015 in German is 8 April); month
  // names are read as before, English first, since pages often print English dates.
  const numeric = published && /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/.test(published.l.text);
  const stated = published && findStatedDate(published.l.text, numeric ? lang?.code : null);
  if (published && stated) meta.publishedAt = fromText(stated.iso, published.i < headerEnd ? 0.9 : 0.6, published.l.text);
  else meta.publishedAt = relativePublication(lines, lang?.code ?? null);

  for (const l of lines) {
    if (meta.outlet.value === null && l.role === 'source') {
      const s = sourceOutlet(l.text);
      if (s) meta.outlet = fromText(s.outlet, s.confidence, l.text);
    }
    if (l.role === 'outlet-dateline') {
      const od = outletOfDatelineLine(l.text);
      if (od) {
        meta.outlet = fromText(od.outlet, 0.85, l.text);
        meta.dateline = fromText(od.place, 0.85, l.text);
      }
    }
    if (meta.author.value === null && l.role === 'byline') {
      const m = bylinePattern.exec(l.text.trim());
      if (m) meta.author = fromText(m[1]!, 0.8, l.text);
    }
  }

  if (meta.author.value === null) meta.author = bylineInText(lines, found?.index ?? -1, meta.outlet.value);

  const lead = lines.find((l) => l.kind === 'paragraph' || l.kind === 'standfirst');
  const agency = lead && agencyDatelinePattern.exec(lead.text);
  if (agency) {
    if (meta.dateline.value === null) meta.dateline = fromText(titleCase(agency[1]!.trim()), 0.9, agency[0]);
    const named = canonicalOutlet(agency[2]!.trim());
    if (meta.outlet.value === null && named) meta.outlet = fromText(named, 0.8, agency[0]);
  }

  if (meta.outlet.value === null) {
    const named = outletNamedInText(lines);
    if (named) meta.outlet = fromText(canonicalOutlet(named.outlet) ?? named.outlet, named.confidence, named.cue);
  }

  const urlLine = [...lines.slice(0, 3), ...lines.slice(-3)].find((l) => /^(source:\s*)?https?:\/\/\S+$/i.test(l.text.trim()));
  if (urlLine) meta.url = fromText(urlLine.text.trim().replace(/^source:\s*/i, ''), 0.7, urlLine.text);

  if (lang) meta.language = { value: lang.code, confidence: lang.confidence, source: 'text', cue: null };
  return meta;
}
