/**
 * A parsed search query. Terms are already folded by the search normaliser, so the index, the query and
 * the highlighter compare the same strings.
 */

/** One word (`kalin`), a prefix (`sec*`), or a phrase (`"security of syria"`, several terms in a row). */
export type Clause =
  | { kind: 'term'; term: string; raw: string }
  | { kind: 'prefix'; prefix: string; raw: string }
  | { kind: 'phrase'; terms: string[]; raw: string };

/** Every group must match; inside a group any one clause is enough (`a OR b OR c`). */
export type Group = Clause[];

export type InScope = 'all' | 'notes' | 'articles';

export type Filters = {
  /** Each entry is folded words; an article matches one entry when its outlet contains all of them. */
  outlet: string[][];
  /** Folded tags; `tag:actor` also matches `actor/turkiye`. */
  tag: string[];
  lang: string[];
  /** ISO dates (YYYY-MM-DD): published strictly before / after. */
  before: string | null;
  after: string | null;
  in: InScope;
  /** Rating ids (`verdict:false`), or `any`: an annotation with such a verdict, or an article with one. */
  verdict: string[];
};

export type QueryAst = {
  groups: Group[];
  /**
   * Per group: did the user ask for it explicitly (a quoted phrase, an OR)? Such groups stay required when
   * no article has every word and the plain words are relaxed to "most of them" (run-query.ts).
   */
  strict: boolean[];
  /** The user wrote AND: every word is required, and the query never falls back to most of the words. */
  allRequired: boolean;
  /** Clauses that exclude (`-word`, `-"a phrase"`). */
  not: Clause[];
  filters: Filters;
};

export type QueryHint = { message: string; /** the part of the query the hint is about */ fragment: string };

export type ParsedQuery = { ast: QueryAst; hints: QueryHint[] };

export const emptyFilters = (): Filters => ({ outlet: [], tag: [], lang: [], before: null, after: null, in: 'all', verdict: [] });

export function hasFilters(f: Filters): boolean {
  return f.outlet.length > 0 || f.tag.length > 0 || f.lang.length > 0 || f.before !== null || f.after !== null || f.in !== 'all' || f.verdict.length > 0;
}

/** Can this query fall back to "most of the words"? It needs two plain words, and no AND. */
export function canRelax(ast: QueryAst): boolean {
  return !ast.allRequired && ast.strict.filter((s) => !s).length >= 2;
}

/** True when the query asks for nothing at all (no words, no filters). */
export function isEmptyQuery(ast: QueryAst): boolean {
  return ast.groups.length === 0 && ast.not.length === 0 && !hasFilters(ast.filters);
}

/** The folded terms a match can show: what the highlighter marks. */
export function positiveClauses(ast: QueryAst): Clause[] {
  return ast.groups.flat();
}
