import { useEffect, useRef, useState } from 'react';
import type { ArticleDetail } from '@contract';
import { call } from '../../api/client';
import { routeHash } from '../../app/use-route';
import { ArticleBody } from '../reader/ArticleBody';

/** The article a matrix cell points at, with the passage highlighted and scrolled into view. */
export function PassagePanel({
  passage,
  label,
  onClose,
}: {
  passage: { article: string; start: number; end: number };
  label: string;
  onClose: () => void;
}) {
  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    let live = true;
    call('articles.get', { id: passage.article }).then(
      (a) => live && setArticle(a),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [passage.article]);
  useEffect(() => {
    ref.current?.querySelector('mark[data-current]')?.scrollIntoView({ block: 'center' });
  }, [article, passage.start]);
  return (
    <aside ref={ref} className="passage-panel" aria-label="Passage">
      <header className="passage-panel__head">
        <strong>{label}</strong>
        <a href={routeHash('library', [passage.article])}>Open in library</a>
        <button type="button" className="icon-button" aria-label="Close passage" onClick={onClose}>
          ×
        </button>
      </header>
      {article ? (
        <ArticleBody
          blocks={article.blocks}
          showBoilerplate={false}
          articleLang={article.language}
          marks={[{ start: passage.start, end: passage.end, kind: 'passage', id: 'passage', current: true }]}
        />
      ) : (
        <p className="empty-state">Opening…</p>
      )}
    </aside>
  );
}
