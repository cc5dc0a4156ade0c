import { useCallback, useEffect, useRef, useState } from 'react';
import type { ViewProps } from '../../app/views';
import { routeHash } from '../../app/use-route';
import { plural } from '../../lib/format';
import { SaveSearchButton } from './SaveSearchButton';
import { SearchReader } from './SearchReader';
import { SearchResults } from './SearchResults';
import { relaxedLabel } from './relaxed-label';
import { useSearch } from './use-search';

export const SEARCH_INPUT_ID = 'search-input';

/**
 * The search view: the box (answers as you type), hints for malformed queries, index progress, results
 * grouped by article, and the reader with every hit marked. The query lives in the address
 * (`#/search/<article>?q=…`), so reloads, Back and saved searches all come back to it.
 */
export function SearchView({ route, navigate, notify }: ViewProps) {
  const [query, setQuery] = useState(() => route.params.get('q') ?? '');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const readerRef = useRef<HTMLElement>(null);
  const openId = route.path[0] ?? null;
  const atParam = route.params.get('at');
  const at = atParam !== null && /^\d+$/.test(atParam) ? Number(atParam) : null;
  const onError = useCallback((m: string) => void notify('error', m), [notify]);
  /** The query "Show all" was pressed for: it is rerun checking every candidate until the query changes. */
  const [showAllFor, setShowAllFor] = useState<string | null>(null);
  const exhaustive = showAllFor !== null && showAllFor === query;
  const { result, status, error, current } = useSearch(query, undefined, exhaustive);
  const hits = result?.hits ?? [];
  /** Enter pressed before the answer to what was typed arrived: open its first hit when it does. */
  const openWhenAnswered = useRef(false);

  // A new route (a saved search clicked, Back) brings its own query; typing only rewrites the address.
  useEffect(() => setQuery(route.params.get('q') ?? ''), [route]);
  useEffect(() => setActive(0), [result]);

  const type = (q: string) => {
    // Enter opens the answer to what was typed then; typing on asks another question.
    openWhenAnswered.current = false;
    setQuery(q);
    history.replaceState(null, '', routeHash('search', openId ? [openId] : [], q ? { q } : undefined));
  };
  const open = (id: string, offset: number | null, focusReader: boolean) => {
    navigate(routeHash('search', [id], { q: query, ...(offset !== null ? { at: String(offset) } : {}) }));
    if (focusReader) requestAnimationFrame(() => readerRef.current?.focus());
  };

  useEffect(() => {
    if (!openWhenAnswered.current || !current) return;
    openWhenAnswered.current = false;
    if (hits[0]) open(hits[0].id, null, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, current]);

  const building = status && status.state === 'rebuilding' && status.progress;
  return (
    <div className="search-view">
      <section className="pane search-pane" aria-label="Search">
        <div className="search-pane__box">
          <label className="visually-hidden" htmlFor={SEARCH_INPUT_ID}>
            Search articles and notes
          </label>
          <input
            id={SEARCH_INPUT_ID}
            ref={inputRef}
            className="input input--search"
            type="search"
            dir="auto"
            placeholder='Search…  words, "phrase", -word, a OR b, pre*, outlet: tag: lang: before: after: in:notes verdict:'
            value={query}
            onChange={(e) => type(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && hits.length) {
                e.preventDefault();
                listRef.current?.focus();
              } else if (e.key === 'Enter' && query.trim()) {
                e.preventDefault();
                if (!current) openWhenAnswered.current = true;
                else if (hits[active]) open(hits[active]!.id, null, true);
              }
            }}
            autoComplete="off"
            spellCheck={false}
            maxLength={10_000}
          />
          {result && result.hints.length > 0 && (
            <ul className="search-hints" role="status" aria-label="Query hints">
              {result.hints.map((h, i) => (
                <li key={i}>{h.message}</li>
              ))}
            </ul>
          )}
          <div className="search-pane__status">
            <p aria-live="polite" className="search-pane__count">
              {error
                ? error
                : result
                  ? `${result.approximate ? 'about ' : ''}${plural(result.total, 'article')} · ${result.tookMs} ms`
                  : query.trim()
                    ? 'Searching…'
                    : 'Type to search titles, text, outlets, tags and notes.'}
            </p>
            {result?.approximate && current && !exhaustive && (
              <button type="button" className="button" onClick={() => setShowAllFor(query)}>
                Show all
              </button>
            )}
            <SaveSearchButton query={query} onError={onError} onSaved={(name) => notify('success', `Saved search “${name}”`)} />
          </div>
          {building && (
            <label className="search-pane__progress">
              {building.reason}: {building.done} of {building.total}
              <progress max={building.total} value={building.done} />
            </label>
          )}
        </div>
        {result && hits.length === 0 && query.trim() && <p className="empty-state">No article matches.</p>}
        {result && result.match === 'most' && hits.length > 0 && (
          <p className="search-pane__relaxed" role="status" data-testid="search-relaxed">
            {relaxedLabel(query, result.allWordsTotal, result.related)}
          </p>
        )}
        <SearchResults
          hits={hits}
          active={active}
          openId={openId}
          onActive={setActive}
          onOpen={open}
          onBackToBox={() => inputRef.current?.focus()}
          listRef={listRef}
        />
      </section>
      {openId ? (
        <SearchReader
          ref={readerRef}
          id={openId}
          query={query}
          at={at}
          onError={onError}
          onClose={() => {
            navigate(routeHash('search', [], query ? { q: query } : undefined));
            requestAnimationFrame(() => listRef.current?.focus());
          }}
        />
      ) : (
        <main className="pane reader reader--empty" aria-label="Reader">
          <p className="empty-state">Choose a result to read it here, with every hit marked.</p>
        </main>
      )}
    </div>
  );
}
