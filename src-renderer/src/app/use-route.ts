import { useCallback, useEffect, useState } from 'react';

/**
 * Hash routes, so a reload or a bookmark comes back to the same place:
 *   #/article/<id>                 the library with that article open in the reader
 *   #/<view>/<a>/<b>?key=value     another view (compare, annotations, search...) with its parameters
 */
export type Route = { view: string; path: string[]; params: URLSearchParams };

export function parseRoute(hash: string): Route {
  const [pathPart, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const segments = (pathPart ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  const view = segments[0] === 'article' || segments.length === 0 ? 'library' : segments[0]!;
  const path = segments[0] === 'article' ? segments.slice(1) : segments.slice(1);
  return { view, path, params: new URLSearchParams(query) };
}

export function routeHash(view: string, path: string[] = [], params?: Record<string, string>): string {
  const base =
    view === 'library'
      ? path.length
        ? `#/article/${path.map(encodeURIComponent).join('/')}`
        : '#/'
      : `#/${[view, ...path].map(encodeURIComponent).join('/')}`;
  const q = params ? new URLSearchParams(params).toString() : '';
  return q ? `${base}?${q}` : base;
}

export function useRoute(): [Route, (hash: string) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onHash);
    };
  }, []);
  const navigate = useCallback((hash: string) => {
    if (window.location.hash !== hash) history.pushState(null, '', hash);
    setRoute(parseRoute(hash));
  }, []);
  return [route, navigate];
}
