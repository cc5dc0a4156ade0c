import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotebookInfo } from '@contract';
import { call, connection, subscribe } from '../api/client';
import { DropZone } from '../features/importer/DropZone';
import { NotebookActions } from '../features/export/NotebookActions';
import { ImportControls } from '../features/importer/ImportControls';
import { useImport } from '../features/importer/use-import';
import { LibraryPane } from '../features/library/LibraryPane';
import { useLibrary } from '../features/library/use-library';
import { useUndoShortcuts } from '../features/annotate/use-undo-shortcuts';
import { ReaderPane } from '../features/reader/ReaderPane';
import { useLinkedPassage } from '../features/compare/linked-passage';
import { SavedSearchList } from '../features/search/SavedSearchList';
import { useSearchStatus } from '../features/search/use-search-status';
import { SEARCH_INPUT_ID } from '../features/search/SearchView';
import { Sidebar } from '../features/sidebar/Sidebar';
import { StatusArea } from './StatusArea';
import type { Theme } from './theme';
import { currentTheme, setTheme } from './theme';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { routeHash, useRoute } from './use-route';
import { useNotices } from './use-notices';
import { views } from './views';

export function App() {
  const { notices, notify, dismiss } = useNotices();
  const onError = useCallback((m: string) => void notify('error', m), [notify]);
  const library = useLibrary(onError);
  const searchStatus = useSearchStatus();
  const [route, navigate] = useRoute();
  const openId = route.view === 'library' ? (route.path[0] ?? null) : null;
  const passageMarks = useLinkedPassage(route.view === 'library' ? route.params.get('passage') : null, openId);
  const setOpenId = useCallback((id: string | null) => navigate(routeHash('library', id ? [id] : [])), [navigate]);
  // A link to the library with ?tag= (the tag manager's article counts) sets the library's tag filter once.
  const linkedTag = route.view === 'library' ? route.params.get('tag') : null;
  useEffect(() => {
    if (linkedTag === null) return;
    library.setTag(linkedTag);
    navigate(routeHash('library', openId ? [openId] : []));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkedTag]);
  const [info, setInfo] = useState<NotebookInfo | null>(null);
  const [theme, setThemeState] = useState<Theme>(currentTheme);
  const filterRef = useRef<HTMLInputElement>(null);
  const readerRef = useRef<HTMLElement>(null);
  const listFocus = () => document.querySelector<HTMLElement>('.search-results, .library__list')?.focus();
  /** Focus an element that the view about to render will contain. */
  const focusSoon = (id: string) => {
    let tries = 0;
    const step = () => (document.getElementById(id) ? document.getElementById(id)!.focus() : ++tries < 60 && requestAnimationFrame(step));
    requestAnimationFrame(step);
  };

  const loadInfo = useCallback(() => call('notebook.info', {}).then(setInfo, (e: Error) => onError(e.message)), [onError]);
  useEffect(() => {
    void loadInfo();
    return subscribe('notebook.changed', () => void loadInfo());
  }, [loadInfo]);

  const importer = useImport(
    notify,
    useCallback(
      (firstId: string | null) => {
        void library.reload();
        if (firstId) setOpenId(firstId);
      },
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [library.reload, setOpenId],
    ),
  );

  const open = (id: string, focusReader: boolean) => {
    setOpenId(id);
    if (focusReader) requestAnimationFrame(() => readerRef.current?.focus());
  };

  useGlobalShortcuts({
    focusSearch: () => {
      if (route.view !== 'search') navigate(routeHash('search'));
      focusSoon(SEARCH_INPUT_ID);
    },
    focusFilter: () => {
      if (route.view !== 'library') navigate(routeHash('library', openId ? [openId] : []));
      focusSoon('library-filter');
    },
    backToList: listFocus,
  });
  useUndoShortcuts(notify);

  if (!connection.connected) {
    return (
      <main className="blocked">
        <h1>Parallax</h1>
        <p>Open Parallax with the address that “npm start” or “parallax serve” printed: it carries this launch’s access token.</p>
      </main>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#library-filter">
        Skip to the library
      </a>
      <Sidebar
        info={info}
        theme={theme}
        mode={connection.kind}
        route={route}
        onToggleTheme={() => {
          const next = theme === 'dark' ? 'light' : 'dark';
          setTheme(next);
          setThemeState(next);
        }}
      >
        <SavedSearchList onError={onError} />
        <ImportControls
          onFiles={(f) => void importer.run(f)}
          busy={importer.progress !== null}
          onImported={(id, title, duplicate) => {
            notify('success', duplicate ? `“${title}” is already in the notebook.` : `Added “${title}”.`);
            void library.reload();
            setOpenId(id);
          }}
        />
        <NotebookActions
          currentArticleId={openId}
          notify={notify}
          onImported={(id) => {
            void library.reload();
            setOpenId(id);
          }}
        />
      </Sidebar>
      {views[route.view] ? (
        <div className="view-area">{views[route.view]!.render({ route, navigate, notify })}</div>
      ) : (
        <>
          <LibraryPane library={library} openId={openId} onOpen={open} filterRef={filterRef} />
          <ReaderPane ref={readerRef} id={openId} onError={onError} focusAnnotation={route.params.get('annotation')} marks={passageMarks} />
        </>
      )}
      <StatusArea
        notices={notices}
        onDismiss={dismiss}
        progress={importer.progress}
        onCancel={importer.cancel}
        searchStarting={searchStatus?.state === 'starting'}
      />
      <DropZone onFiles={(f) => void importer.run(f)} />
    </div>
  );
}
