import type { ListedArticle } from '@contract';
import { formatDate, plural } from '../../lib/format';
import type { ListPlace } from '../../ui/list-place';
import { placeProps } from '../../ui/list-place';
import { MetaLine } from '../../ui/MetaLine';

type RowProps = { id: string; active: boolean; place: ListPlace };

const position = ({ place, active, id }: RowProps) => ({ ...placeProps(place), id, role: 'option', 'data-active': active || undefined });

export function ArticleRow({ article, open, onOpen, ...row }: RowProps & { article: ListedArticle; open: boolean; onOpen: () => void }) {
  const updated = article.outletUpdates?.at(-1) ?? null;
  return (
    <div
      {...position(row)}
      aria-selected={open}
      data-article-id={article.id}
      className={updated ? 'article-row article-row--updated' : 'article-row'}
      onClick={onOpen}
    >
      <div className="article-row__title" dir="auto">
        {article.title}
      </div>
      <MetaLine
        className="article-row__meta"
        outlet={article.outlet}
        publishedAt={article.publishedAt}
        extra={[
          updated && (
            <span key="updated" className="article-row__updated" title="The outlet changed the text after it was first kept">
              Updated {formatDate(updated.slice(0, 10))}
            </span>
          ),
          <span key="lang" title="Language">
            {(article.language ?? '?').toUpperCase()}
          </span>,
          <span key="words">{plural(article.wordCount, 'word')}</span>,
          article.passagesTagged !== undefined && (
            <span key="tagged" className="article-row__passages-tagged">
              {`tag on ${plural(article.passagesTagged, 'passage')}`}
            </span>
          ),
          article.annotationCount > 0 && (
            <span key="notes" className="article-row__annotations">
              {plural(article.annotationCount, 'annotation')}
            </span>
          ),
        ]}
      />
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

/** A row whose page is still being fetched: same place and size, so the scroll bar and keyboard keep working. */
export function LoadingRow(row: RowProps) {
  return (
    <div {...position(row)} aria-selected={false} aria-busy="true" className="article-row article-row--loading">
      <div className="article-row__title">Loading…</div>
      <div className="article-row__meta">&nbsp;</div>
    </div>
  );
}
