import type { NoteHit, SearchHit, SearchResult } from '../../contract';
import type { TextMatch } from '../../core/search/highlight';
import { makeSnippets, matchText, quickSatisfies, satisfies } from '../../core/search/highlight';
import type { QueryAst } from '../../core/search/query-ast';
import { writtenForms } from '../../core/search/written-forms';
import { relaxQuery } from '../../core/search/relax';
import type { Rm3Settings } from '../../core/search/relevance-model';
import { RM3 } from '../../core/search/relevance-model';
import { canRelax, hasFilters, isEmptyQuery } from '../../core/search/query-ast';
import { parseQuery } from '../../core/search/query-parser';
import type { SearchArticle } from '../../core/search/search-doc';
import { rerankWithFeedback } from './feedback-rerank';
import type { RankedList } from './ranked-list';
import type { EngineResult, SearchOptions } from './rank-documents';
import type { SearchEngine } from './search-engine';

/** Loads an article's current text (title, body, notes) for snippets and phrase checks; null if it is gone. */
export type TextProvider = (articleId: string) => Promise<SearchArticle | null>;

/** What a query asks for: a page of results, and whether to check every candidate (`exhaustive`). */
export type QueryInput = { query: string; limit: number; offset: number; exhaustive?: boolean };
/**
 * When every word finds nothing, a query of two plain words or more is answered with the articles holding
 * most of its words. A question (QUESTION_WORDS plain words or more) is, too, when every word finds fewer
 * than FEW_ALL_WORDS documents; those come first. Shorter queries that find anything keep exactly their
 * strict hits.
 */
export const FEW_ALL_WORDS = 5;
export const QUESTION_WORDS = 4;

type Group = { articleId: string; score: number; article: boolean; notes: string[] };

const hasPhrase = (ast: QueryAst) => [...ast.groups.flat(), ...ast.not].some((c) => c.kind === 'phrase');

/**
 * Results grouped by article, best first, built lazily: a page needs its groups only, yet the ranking
 * can hold thousands of documents. Notes join their article's group wherever they rank.
 */
class Grouper {
  private next = 0;
  private readonly seen = new Set<string>();
  private readonly noteDocs: { articleId: string; id: string }[] = [];
  readonly total: number;

  constructor(
    private readonly engine: SearchEngine,
    private readonly ranked: RankedList,
  ) {
    const noteArticles = new Set<string>();
    let articles = 0;
    for (const doc of ranked.docs) {
      const info = engine.info(doc);
      if (info?.kind === 'note') {
        this.noteDocs.push({ articleId: info.articleId, id: info.key.slice(2) });
        noteArticles.add(info.articleId);
      } else if (info) articles++;
    }
    let onlyNotes = 0;
    for (const a of noteArticles) if (!engine.hasArticleIn(a, ranked)) onlyNotes++;
    this.total = articles + onlyNotes;
  }

  take(): Group | null {
    while (this.next < this.ranked.length) {
      const { doc, score } = this.ranked.at(this.next++)!;
      const info = this.engine.info(doc);
      if (!info || this.seen.has(info.articleId)) continue;
      this.seen.add(info.articleId);
      const notes = this.noteDocs.filter((n) => n.articleId === info.articleId).map((n) => n.id);
      return { articleId: info.articleId, score, article: info.kind === 'article' || this.articleRanked(info.articleId), notes };
    }
    return null;
  }

  private articleRanked(articleId: string): boolean {
    return this.engine.hasArticleIn(articleId, this.ranked);
  }
}

/**
 * Check phrases (adjacency) and excluded phrases on the real text; drops what fails. `relaxed`: most of the
 * words are enough (only the explicit groups are required).
 */
function verify(g: Group, a: SearchArticle, ast: QueryAst, relaxed: boolean): boolean {
  const lang = a.language;
  if (g.article) {
    const texts = [a.title, a.body, `${a.outlet ?? ''} ${a.byline}`, a.tags.join(' ')];
    const quick = relaxed ? null : quickSatisfies(texts, ast, lang);
    if (!(
      quick ??
      satisfies(
        texts.map((t) => matchText(t, ast, lang)),
        ast,
        relaxed,
      )
    ))
      g.article = false;
  }
  g.notes = g.notes.filter((id) => {
    const n = a.notes.find((x) => x.id === id);
    return (
      n !== undefined &&
      satisfies([matchText(n.note, ast, lang), matchText(n.quote, ast, lang), matchText(n.tags.join(' '), ast, lang)], ast, relaxed)
    );
  });
  return g.article || g.notes.length > 0;
}

function noteHit(n: SearchArticle['notes'][number], ast: QueryAst, lang: string | null): NoteHit {
  const m = matchText(n.note, ast, lang);
  const snippet = makeSnippets(n.note, m.hits, 1, 240)[0];
  const text = snippet?.text ?? n.note.slice(0, 240);
  const verdict = n.verdict ? { verdict: n.verdict } : {};
  return { id: n.id, text, highlights: snippet?.highlights ?? [], quote: n.quote.slice(0, 300), tags: n.tags, ...verdict };
}

function buildHit(g: Group, a: SearchArticle, ast: QueryAst): SearchHit {
  const title: TextMatch = matchText(a.title, ast, a.language);
  const body = matchText(a.body, ast, a.language);
  const lead = a.body.slice(0, 200).replace(/\n/g, ' ');
  const snippets = ast.groups.length
    ? makeSnippets(a.body, body.hits).map((s) => ({ field: 'body' as const, ...s }))
    : [{ field: 'body' as const, text: lead, offset: 0, highlights: [] }];
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    publishedAt: a.publishedAt,
    language: a.language,
    score: Math.round(g.score * 1000) / 1000,
    hitCount: title.hits.length + body.hits.length,
    titleHighlights: title.hits,
    snippets,
    notes: g.notes.flatMap((id) => {
      const n = a.notes.find((x) => x.id === id);
      return n ? [noteHit(n, ast, a.language)] : [];
    }),
  };
}

/**
 * Rank a parsed query as the user gets it: every word, or, when no document has every word (fewer than
 * FEW_ALL_WORDS) and the query has two plain words or more and no AND, most of the words. The Cranfield
 * evaluation ranks "as typed" through this too.
 */
export function rankAsTyped(
  engine: SearchEngine,
  ast: QueryAst,
  opts: SearchOptions = {},
  /** RM3's settings for the fallback's feedback, or null for none (the evaluation's rows before feedback). */
  feedback: Rm3Settings | null = RM3,
): TypedRanking {
  const all = engine.search(ast, 'all', opts);
  const few = all.ranked.length === 0 || (all.ranked.length < FEW_ALL_WORDS && plainWords(ast) >= QUESTION_WORDS);
  const allWords = all.ranked.length;
  if (!few || !canRelax(ast)) return { result: all, ast, allWords, related: [] };
  const relaxed = relaxQuery(ast);
  const most = engine.search(relaxed, 'most', opts);
  if (most.ranked.length <= allWords) return { result: all, ast, allWords, related: [] };
  const fed = feedback ? rerankWithFeedback(engine.view(), relaxed, most, feedback) : { result: most, terms: [] };
  return { result: fed.result, ast: relaxed, allWords, related: fed.terms };
}

/**
 * The ranking a typed query gets. `related`: with the most-of-the-words fallback, the stored terms the best
 * matches share that ranked the results beside the typed words (feedback-rerank.ts); empty otherwise.
 */
export type TypedRanking = { result: EngineResult; ast: QueryAst; allWords: number; related: string[] };

const plainWords = (ast: QueryAst) => ast.strict.filter((s) => !s).length;

/**
 * Answer a query: parse it (never failing) in the notebook's languages, let the engine rank documents,
 * group them by article, check phrases on the text, and build highlighted snippets for the requested page only.
 *
 * Phrase candidates are checked in rank order until the page is full, however many fail. The total is
 * then exact when at most `exactPhraseChecks` candidates are left (they are checked too) or the query is
 * `exhaustive`; otherwise it is estimated from the share of checked candidates that held the phrase, and
 * the answer says it is approximate.
 */
export async function runQuery(engine: SearchEngine, load: TextProvider, input: QueryInput, complete: boolean): Promise<SearchResult> {
  const started = performance.now();
  const exhaustive = input.exhaustive === true;
  const parsed = parseQuery(input.query, engine.languages());
  const { hints } = parsed;
  type Page = Omit<SearchResult, 'hints' | 'complete' | 'tookMs' | 'match' | 'allWordsTotal' | 'related'>;
  const done = (r: Page, most = false, allWords = 0, related: string[] = []): SearchResult => ({
    match: most ? 'most' : 'all',
    allWordsTotal: most ? allWords : 0,
    related,
    ...r,
    hints,
    complete,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  });
  // Excluding words alone would list the whole notebook: a hint says so, and nothing is listed.
  if (isEmptyQuery(parsed.ast) || (parsed.ast.groups.length === 0 && !hasFilters(parsed.ast.filters))) {
    return done({ hits: [], total: 0, approximate: false });
  }
  // Relaxed, the query's words are those of relaxQuery: snippets mark and phrase checks read those.
  const typed = rankAsTyped(engine, parsed.ast, { exhaustive });
  const { result, ast } = typed;
  const relaxed = result.mode === 'most';
  const grouper = new Grouper(engine, result.ranked);
  const wanted = input.offset + input.limit;
  const texts = new Map<string, SearchArticle>();
  const pool: Group[] = [];
  const phrases = hasPhrase(ast);
  let checked = 0;
  let rejected = 0;
  const check = async (g: Group, keep: boolean): Promise<boolean> => {
    checked++;
    const a = await load(g.articleId);
    if (!a || !verify(g, a, ast, relaxed)) {
      rejected++;
      return false;
    }
    if (keep) texts.set(a.id, a);
    return true;
  };
  let ended = false;
  while (pool.length < wanted) {
    const g = grouper.take();
    if (!g) {
      ended = true;
      break;
    }
    if (phrases && !(await check(g, true))) continue;
    pool.push(g);
  }
  // Past the page, phrase candidates are only counted: every one when few are left or all were asked for.
  let unchecked = phrases && !ended ? grouper.total - checked : 0;
  if (unchecked > 0 && (exhaustive || unchecked <= engine.limits.exactPhraseChecks)) {
    for (let g = grouper.take(); g; g = grouper.take()) await check(g, false);
    unchecked = 0;
  }
  const page = pool.slice(input.offset, wanted);
  const hits: SearchHit[] = [];
  const shown: SearchArticle[] = [];
  for (const g of page) {
    const a = texts.get(g.articleId) ?? (await load(g.articleId));
    if (a) hits.push(buildHit(g, a, ast));
    if (a) shown.push(a);
  }
  // The fed-back terms as the listed articles write them (the best matches are the first page).
  const related = typed.related.length ? writtenForms(typed.related, shown.flatMap((a) => [a.title, a.body].map((text) => ({ text, lang: a.language })))) : [];
  const confirmed = grouper.total - rejected - unchecked;
  // The unchecked candidates are assumed to hold the phrase as often as the checked ones did.
  const total = unchecked > 0 ? confirmed + Math.round((unchecked * (checked - rejected)) / checked) : confirmed;
  return done({ hits, total, approximate: result.truncated || unchecked > 0 }, relaxed, typed.allWords, related);
}
