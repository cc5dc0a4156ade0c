/**
 * Hierarchical tags: `topic/security` is a child of `topic`. Everything here works on canonical names
 * (contract `canonicalTag`) and is pure, so renames and merges can be tested and re-run safely.
 */

import { ancestors, effectiveColor, isUnder } from '../../../src-shared/tags';

export { ancestors, effectiveColor, isUnder };

/** The new name of `tag` when `from` becomes `to`: children move with their parent. */
export function renamed(tag: string, from: string, to: string): string {
  return isUnder(tag, from) ? to + tag.slice(from.length) : tag;
}

const unique = (tags: string[]) => [...new Set(tags)];

/**
 * Apply a rename (or a merge: several sources into one) to a list of tags, children included; null when
 * nothing changes. With nested sources (`a` and `a/b`), the deepest one that applies wins.
 */
export function renameIn(tags: string[], from: string[], to: string): string[] | null {
  const sources = [...from].sort((a, b) => b.length - a.length);
  const next = unique(
    tags.map((t) => {
      const source = sources.find((s) => isUnder(t, s));
      return source === undefined ? t : renamed(t, source, to);
    }),
  );
  return next.length === tags.length && next.every((t, i) => t === tags[i]) ? null : next;
}

/** Remove a tag and its children from a list; null when none were there. */
export function removeFrom(tags: string[], tag: string): string[] | null {
  const next = tags.filter((t) => !isUnder(t, tag));
  return next.length === tags.length ? null : next;
}

/** Add tags not already present, keeping the order they were given in. */
export const addTo = (tags: string[], add: string[]) => unique([...tags, ...add]);

/** Would renaming `from` to `to` make a tag its own descendant (`a` -> `a/b`)? */
export const isCycle = (from: string, to: string) => to !== from && isUnder(to, from);

export type TagCounts = { articles: number; passages: number };

/**
 * Counts per tag, own and including descendants, over every article's tags and every passage's tags.
 * Parents that exist only through a child are listed too (implicit), so the tree has no gaps. Colours come
 * as a Map: tag names such as `constructor` are keys like any other (on an object they reach the prototype).
 */
export function summariseTags(
  articleTags: Iterable<string[]>,
  passageTags: Iterable<string[]>,
  colors: ReadonlyMap<string, string>,
) {
  const own = new Map<string, TagCounts>();
  const total = new Map<string, TagCounts>();
  const bump = (map: Map<string, TagCounts>, tag: string, key: keyof TagCounts) => {
    const c = map.get(tag) ?? { articles: 0, passages: 0 };
    c[key]++;
    map.set(tag, c);
  };
  const count = (lists: Iterable<string[]>, key: keyof TagCounts) => {
    for (const tags of lists) {
      if (tags.length === 0) continue; // most articles have no tags: skip them without allocating
      const seen = new Set<string>();
      for (const t of tags) {
        bump(own, t, key);
        for (const name of [t, ...ancestors(t)]) seen.add(name);
      }
      for (const name of seen) bump(total, name, key);
    }
  };
  count(articleTags, 'articles');
  count(passageTags, 'passages');
  const names = new Set([...total.keys(), ...colors.keys()]);
  for (const n of [...names]) for (const a of ancestors(n)) names.add(a);
  return [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const o = own.get(name) ?? { articles: 0, passages: 0 };
      const t = total.get(name) ?? { articles: 0, passages: 0 };
      return {
        name,
        color: colors.get(name) ?? null,
        articles: o.articles,
        passages: o.passages,
        totalArticles: t.articles,
        totalPassages: t.passages,
        implicit: !own.has(name),
      };
    });
}
