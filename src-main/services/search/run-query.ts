import type { NoteHit, SearchHit, SearchResult } from '../../contract';
import type { TextMatch } from '../../core/search/highlight';
import { makeSnippets, matchText, quickSatisfies, satisfies } from '../../core/search/highlight';
import type { QueryAst } from '../../core/search/query-ast';
import { hasFilters, isEmptyQuery } from '../../core/search/query-ast';
import { parseQuery } from '../../core/search/query-parser';
import type { SearchArticle } from '../../core/search/search-doc';
import type { RankedList } from './ranked-list';
import type { SearchEngine } from './search-engine';

/** Loads an article's current text (title, body, notes) for snippets and phrase checks; null if it is gone. */
export type TextProvider = (articleId: string) => Promise<SearchArticle | null>;

/** How many candidate articles a phrase query checks on the text at most, per request. */
export const MAX_PHRASE_CHECKS = 1500;

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

/** Check phrases (adjacency) and excluded phrases on the real text; drops what fails. */
function verify(g: Group, a: SearchArticle, ast: QueryAst): boolean {
  if (g.article) {
    const texts = [a.title, a.body, `${a.outlet ?? ''} ${a.byline}`, a.tags.join(' ')];
    const quick = quickSatisfies(texts, ast);
    if (!(
      quick ??
      satisfies(
        texts.map((t) => matchText(t, ast)),
        ast,
      )
    ))
      g.article = false;
  }
  g.notes = g.notes.filter((id) => {
    const n = a.notes.find((x) => x.id === id);
    return n !== undefined && satisfies([matchText(n.note, ast), matchText(n.quote, ast), matchText(n.tags.join(' '), ast)], ast);
  });
  return g.article || g.notes.length > 0;
}

function noteHit(n: SearchArticle['notes'][number], ast: QueryAst): NoteHit {
  const m = matchText(n.note, ast);
  const snippet = makeSnippets(n.note, m.hits, 1, 240)[0];
  const text = snippet?.text ?? n.note.slice(0, 240);
  return { id: n.id, text, highlights: snippet?.highlights ?? [], quote: n.quote.slice(0, 300), tags: n.tags };
}

function buildHit(g: Group, a: SearchArticle, ast: QueryAst): SearchHit {
  const title: TextMatch = matchText(a.title, ast);
  const body = matchText(a.body, ast);
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
      return n ? [noteHit(n, ast)] : [];
    }),
  };
}

/**
 * Answer a query: parse it (never failing), let the engine rank documents, group them by article, check
 * phrases on the text, and build highlighted snippets for the requested page only.
 */
export async function runQuery(
  engine: SearchEngine,
  load: TextProvider,
  input: { query: string; limit: number; offset: number },
  complete: boolean,
): Promise<SearchResult> {
  const started = performance.now();
  const { ast, hints } = parseQuery(input.query);
  const done = (r: Omit<SearchResult, 'hints' | 'complete' | 'tookMs'>): SearchResult => ({
    ...r,
    hints,
    complete,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  });
  // Excluding words alone would list the whole notebook: a hint says so, and nothing is listed.
  if (isEmptyQuery(ast) || (ast.groups.length === 0 && !hasFilters(ast.filters))) {
    return done({ hits: [], total: 0, approximate: false });
  }
  let result = engine.search(ast, 'all');
  if (result.ranked.length === 0 && ast.groups.length > 1) {
    const some = engine.search(ast, 'any');
    if (some.ranked.length) {
      hints.push({ message: 'No article has all of these words; showing those with some of them', fragment: input.query.slice(0, 80) });
      result = some;
    }
  }
  const grouper = new Grouper(engine, result.ranked);
  const wanted = input.offset + input.limit;
  const texts = new Map<string, SearchArticle>();
  const pool: Group[] = [];
  const phrases = hasPhrase(ast);
  let checked = 0;
  let rejected = 0;
  let ended = false;
  while (pool.length < wanted) {
    const g = grouper.take();
    if (!g) {
      ended = true;
      break;
    }
    if (phrases) {
      // Checking adjacency reads text: stop after a bounded number of candidates and call the total approximate.
      if (checked >= MAX_PHRASE_CHECKS) break;
      checked++;
      const a = await load(g.articleId);
      if (!a || !verify(g, a, ast)) {
        rejected++;
        continue;
      }
      texts.set(a.id, a);
    }
    pool.push(g);
  }
  const page = pool.slice(input.offset, wanted);
  const hits: SearchHit[] = [];
  for (const g of page) {
    const a = texts.get(g.articleId) ?? (await load(g.articleId));
    if (a) hits.push(buildHit(g, a, ast));
  }
  // With phrases, candidates not checked yet are counted as matches: the total is then an upper bound.
  return done({ hits, total: grouper.total - rejected, approximate: result.truncated || (phrases && !ended) });
}
