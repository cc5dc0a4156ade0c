import { useCallback } from 'react';
import { call } from '../../api/client';
import { routeHash } from '../../app/use-route';
import { savedSearchesChanged, useSavedSearches } from './saved-searches-store';

/** Saved searches in the sidebar: a click runs one; × deletes it. */
export function SavedSearchList({ onError }: { onError: (m: string) => void }) {
  const items = useSavedSearches(onError);
  const remove = useCallback(
    (id: string) =>
      call('search.saved.delete', { id }).then(
        () => savedSearchesChanged(),
        (e: Error) => onError(e.message),
      ),
    [onError],
  );
  if (items.length === 0) return null;
  return (
    <section className="saved-searches" aria-labelledby="saved-searches-heading">
      <h2 id="saved-searches-heading" className="sidebar__heading">
        Saved searches
      </h2>
      <ul>
        {items.map((s) => (
          <li key={s.id} className="saved-search">
            <a className="sidebar__link" href={routeHash('search', [], { q: s.query })} title={s.query}>
              <span dir="auto">{s.name}</span>
            </a>
            <button type="button" className="icon-button" aria-label={`Delete saved search ${s.name}`} onClick={() => void remove(s.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
