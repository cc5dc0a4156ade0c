import type { Claim, CompareArticle, CompareResult, Conflict } from '@contract';

/** What the coverage matrix shows: every claim, those naming one entity, and / or those in a conflict. */
export type MatrixFilter = {
  /** CompareEntity.id, or null for any. */
  entity: string | null;
  /** 'any' for claims in some conflict, an index of CompareResult.conflicts for that one, null for all claims. */
  conflict: 'any' | number | null;
};

export const noFilter: MatrixFilter = { entity: null, conflict: null };

/** A claim is in a conflict when one of its sentences states a side of it, or the conflict names the claim. */
export function inConflict(claim: Claim, c: Conflict): boolean {
  if (c.refs.includes(claim.id)) return true;
  return (c.passages ?? []).some((p) => claim.passages.some((q) => q.article === p.article && q.sentence === p.sentence));
}

export type OutletCount = { article: string; carried: number; shared: number; only: number };

export type MatrixRows = {
  /** Claims carried by two outlets or more, most outlets first. */
  shared: Claim[];
  /** Claims only one outlet carries, one group per outlet in the articles' order (empty groups left out). */
  single: Array<{ article: CompareArticle; claims: Claim[] }>;
  /** Per outlet, over the claims shown: how many it carries, how many of them shared, how many its own. */
  counts: OutletCount[];
  /** Claims shown (after the filters) of all. */
  shown: number;
  total: number;
};

/** The coverage matrix's rows: shared claims on top, widest first, then each outlet's own claims apart. */
export function matrixRows(result: Pick<CompareResult, 'articles' | 'claims' | 'conflicts'>, filter: MatrixFilter): MatrixRows {
  const keep = (c: Claim) =>
    (filter.entity === null || (c.entities ?? []).includes(filter.entity)) &&
    (filter.conflict === null ||
      (filter.conflict === 'any'
        ? result.conflicts.some((x) => inConflict(c, x))
        : !!result.conflicts[filter.conflict] && inConflict(c, result.conflicts[filter.conflict]!)));
  const claims = result.claims.filter(keep);
  const shared = claims
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.count > 1)
    .sort((x, y) => y.c.count - x.c.count || x.i - y.i)
    .map(({ c }) => c);
  const single = result.articles
    .map((article) => ({ article, claims: claims.filter((c) => c.count <= 1 && c.passages[0]?.article === article.id) }))
    .filter((g) => g.claims.length > 0);
  const counts = result.articles.map((a) => {
    const carried = claims.filter((c) => c.passages.some((p) => p.article === a.id));
    const sharedHere = carried.filter((c) => c.count > 1).length;
    return { article: a.id, carried: carried.length, shared: sharedHere, only: carried.length - sharedHere };
  });
  return { shared, single, counts, shown: claims.length, total: result.claims.length };
}

/** Entities worth filtering by: those some claim names, most widely carried first, then by name. */
export function filterEntities(result: Pick<CompareResult, 'claims' | 'entities'>): CompareResult['entities'] {
  const named = new Set(result.claims.flatMap((c) => c.entities ?? []));
  return result.entities
    .filter((e) => named.has(e.id))
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
}
