import type { ArticleSummary } from '@contract';
import { formatDate, plural } from '../../lib/format';

type Props = {
  article: ArticleSummary;
  active: boolean;
  open: boolean;
  onOpen: () => void;
  style: React.CSSProperties;
  index: number;
  setSize: number;
  measureRef: (el: HTMLElement | null) => void;
};

export function ArticleRow({ article, active, open, onOpen, style, index, setSize, measureRef }: Props) {
  return (
    <div
      id={`article-option-${article.id}`}
      ref={measureRef}
      data-index={index}
      role="option"
      aria-selected={open}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      data-active={active || undefined}
      data-article-id={article.id}
      className="article-row"
      style={style}
      onClick={onOpen}
    >
      <div className="article-row__title" dir="auto">
        {article.title}
      </div>
      <div className="article-row__meta">
        <span className={article.outlet ? 'outlet' : 'outlet outlet--unknown'}>{article.outlet ?? 'Unknown outlet'}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={article.publishedAt ?? undefined}>{formatDate(article.publishedAt)}</time>
        <span aria-hidden="true">·</span>
        <span title="Language">{(article.language ?? '?').toUpperCase()}</span>
        <span aria-hidden="true">·</span>
        <span>{plural(article.wordCount, 'word')}</span>
        {article.annotationCount > 0 && (
          <>
            <span aria-hidden="true">·</span>
            <span className="article-row__annotations">{plural(article.annotationCount, 'annotation')}</span>
          </>
        )}
      </div>
      {article.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {article.tags.map((t) => (
            <li key={t} className="tag-chip">
              {t}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
