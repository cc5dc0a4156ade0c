import type { CompareSentence, QuoteCluster, TranslationPair } from '../../contract';
import type { Unit } from './features';

/**
 * Possible translations across languages: an English quote and the Turkish post it translates share no word,
 * so alignment never pairs them, but they share who speaks, the names (one entity whatever the script or
 * spelling: Suriye / Syria) and the figures. Two quotes in different languages of different articles are
 * offered as a possible translation when they have the same speaker and at least one name or figure in
 * common, or, without a known speaker, at least one name and one figure. The best-linked quote is offered,
 * with how many others were as well linked; a foreign-language quote nothing links is reported as such
 * (a notice), never paired by guess.
 */

export type TranslationInput = {
  quotes: QuoteCluster[];
  /** Per article: its id, language, sentences and their units (same order). */
  articles: Array<{ id: string; label: string; language: string | null; sentences: CompareSentence[]; units: Unit[][] }>;
};

type Side = TranslationPair['a'] & { speaker: string | null; names: Map<string, string>; figures: Set<string> };

/** Language names for notices ("the Turkish post"); the code itself where the platform has no name. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const baseLang = (l: string) => l.toLowerCase().split('-')[0]!;

function sidesOf(input: TranslationInput): Side[] {
  const out: Side[] = [];
  for (const q of input.quotes) {
    for (const v of q.variants) {
      if (v.kind === 'reported') continue;
      const art = input.articles.find((a) => a.id === v.article);
      if (!art) continue;
      const names = new Map<string, string>();
      const figures = new Set<string>();
      let lang: string | null = null;
      art.sentences.forEach((s, i) => {
        if (s.end <= v.start || s.start >= v.end) return;
        lang ??= s.lang ?? art.language;
        for (const u of art.units[i] ?? []) {
          if (u.start < v.start || u.end > v.end) continue;
          if (u.entity && !names.has(u.key)) names.set(u.key, u.surface);
          else if (/^\d/.test(u.key)) figures.add(u.key);
        }
      });
      if (!lang) continue;
      out.push({
        article: v.article,
        quote: q.id,
        lang: baseLang(lang),
        text: v.text,
        start: v.start,
        end: v.end,
        speaker: q.speaker,
        names,
        figures,
      });
    }
  }
  return out;
}

const lengthGap = (x: Side, y: Side) => Math.abs(Math.log(Math.max(1, x.text.length) / Math.max(1, y.text.length)));

type Link = { names: string[]; figures: string[]; strength: number };

function linkOf(x: Side, y: Side): Link | null {
  const names = [...x.names.keys()].filter((k) => y.names.has(k));
  const figures = [...x.figures].filter((f) => y.figures.has(f));
  const sameSpeaker = x.speaker !== null && x.speaker === y.speaker;
  const linked = sameSpeaker ? names.length + figures.length > 0 : names.length > 0 && figures.length > 0;
  if (!linked) return null;
  return { names: names.map((k) => x.names.get(k)!), figures, strength: names.length + 2 * figures.length + (sameSpeaker ? 1 : 0) };
}

/**
 * For each quote in a language other than the one most quotes are in, the other-language quotes of other
 * articles it may translate. Returns the pairs offered and notices for the quotes nothing links.
 */
export function findTranslations(input: TranslationInput): { pairs: TranslationPair[]; notices: string[] } {
  const sides = sidesOf(input);
  const count = new Map<string, number>();
  for (const s of sides) count.set(s.lang, (count.get(s.lang) ?? 0) + 1);
  const main = [...count].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
  const pairs: TranslationPair[] = [];
  const notices: string[] = [];
  for (const x of sides) {
    if (x.lang === main) continue;
    const links = sides
      .filter((y) => y.lang !== x.lang && y.article !== x.article)
      .map((y) => ({ y, link: linkOf(x, y) }))
      .filter((c): c is { y: Side; link: Link } => c.link !== null)
      // Among equally linked quotes, the one closest in length: a translation says as much as its original.
      .sort((p, q) => q.link.strength - p.link.strength || lengthGap(x, p.y) - lengthGap(x, q.y) || p.y.start - q.y.start);
    const label = input.articles.find((a) => a.id === x.article)?.label ?? x.article;
    const what = `the ${languageName(x.lang)} ${x.text.length > 50 ? `“${x.text.slice(0, 49)}…”` : `“${x.text}”`} (${label})`;
    if (!links.length) {
      notices.push(
        `Nothing links ${what} to a quote in another language (no shared speaker, name or figure): no translation is suggested.`,
      );
      continue;
    }
    const best = links[0]!;
    const strip = ({ article, quote, lang, text, start, end }: Side) => ({ article, quote, lang, text, start, end });
    pairs.push({
      kind: 'possible-translation',
      a: strip(x),
      b: strip(best.y),
      speaker: x.speaker === best.y.speaker ? x.speaker : null,
      names: best.link.names,
      figures: best.link.figures,
      alternatives: links.filter((l) => l !== best && l.link.strength === best.link.strength).length,
    });
  }
  return { pairs, notices };
}
