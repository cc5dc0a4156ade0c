/**
 * Metadata accuracy against labels read off the pages (docs/reading-and-import.md, "Metadata labels"). A field
 * is scored only on pages where the label says what the truth is; `null` in a label means the page states
 * none, and then reading nothing is right and reading something is wrong (an invented author or outlet).
 */
import type { ArticleMeta } from '../src-main/contract';

export type MetaGold = {
  /** The headline as the page prints it above the article (no site suffix). */
  title: string | null;
  /** Each author's name as printed in the byline; [] when the page names none. */
  authors: string[];
  /** Publication date (not the modification date), YYYY-MM-DD; null when the page states none. */
  published: string | null;
  /** Where the date was read: printed on the page, or only in its structured metadata. */
  publishedFrom?: 'visible' | 'metadata';
  /** The publication's name as it calls itself. */
  outlet: string | null;
  /** Other names a reader accepts as the same publication ("WSJ", the name without "The"). */
  outletAliases?: string[];
  /** false when the page's visible text never names the outlet (only its logo or metadata do). */
  outletInText?: boolean;
};

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`"“”«»]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const names = (s: string) =>
  s
    .split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*/i)
    .map(fold)
    .filter(Boolean)
    .sort();

type Tally = { right: number; of: number };
const pct = (t: Tally) => (t.of ? `${((100 * t.right) / t.of).toFixed(1)}% (${t.right}/${t.of})` : 'n/a');

export type MetaMiss = { field: string; gold: string; read: string; cue: string };

/** Every field read wrong on one page, for `eval:import -- --misses N`: what the label says, what was read, and from where. */
export function metaMisses(gold: MetaGold, meta: ArticleMeta | null): MetaMiss[] {
  const misses: MetaMiss[] = [];
  const add = (field: string, want: string, got: ArticleMeta[keyof ArticleMeta] | undefined) =>
    misses.push({ field, gold: want, read: got?.value ?? '∅', cue: got ? `${got.source}: ${got.cue ?? ''}`.slice(0, 90) : '' });
  if (gold.title && !(meta?.title.value && fold(meta.title.value) === fold(gold.title))) add('title', gold.title, meta?.title);
  const a = meta?.author.value ?? null;
  if (gold.authors.length ? !(a && names(a).join('|') === gold.authors.map(fold).sort().join('|')) : a)
    add('author', gold.authors.join('; ') || '∅', meta?.author);
  if (gold.published && meta?.publishedAt.value?.slice(0, 10) !== gold.published)
    add('date', `${gold.published} (${gold.publishedFrom ?? '?'})`, meta?.publishedAt);
  if (gold.outlet) {
    const read = meta?.outlet.value ? fold(meta.outlet.value) : null;
    if (!(read !== null && [gold.outlet, ...(gold.outletAliases ?? [])].some((n) => fold(n) === read)))
      add(gold.outletInText === false ? 'outlet (not in text)' : 'outlet', gold.outlet, meta?.outlet);
  }
  return misses;
}

export function metaAccuracy(pages: Array<{ gold: MetaGold; meta: ArticleMeta | null }>): Record<string, string> {
  const title: Tally = { right: 0, of: 0 };
  const author: Tally = { right: 0, of: 0 };
  const noAuthor: Tally = { right: 0, of: 0 };
  const date: Tally = { right: 0, of: 0 };
  const outlet: Tally = { right: 0, of: 0 };
  const outletInText: Tally = { right: 0, of: 0 };
  for (const { gold, meta } of pages) {
    if (gold.title) {
      title.of++;
      if (meta?.title.value && fold(meta.title.value) === fold(gold.title)) title.right++;
    }
    const a = meta?.author.value ?? null;
    if (gold.authors.length) {
      author.of++;
      if (a && names(a).join('|') === gold.authors.map(fold).sort().join('|')) author.right++;
    } else {
      noAuthor.of++;
      if (!a) noAuthor.right++;
    }
    if (gold.published) {
      date.of++;
      if (meta?.publishedAt.value?.slice(0, 10) === gold.published) date.right++;
    }
    if (gold.outlet) {
      const read = meta?.outlet.value ? fold(meta.outlet.value) : null;
      const right = read !== null && [gold.outlet, ...(gold.outletAliases ?? [])].some((name) => fold(name) === read);
      outlet.of++;
      if (right) outlet.right++;
      // A pasted page can only give the outlet when its text names it (a logo is not copied).
      if (gold.outletInText !== false) {
        outletInText.of++;
        if (right) outletInText.right++;
      }
    }
  }
  return {
    title: pct(title),
    'author (pages naming one)': pct(author),
    'no author invented': pct(noAuthor),
    'published date': pct(date),
    outlet: pct(outlet),
    'outlet (text names it)': pct(outletInText),
  };
}
