import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { formatDate } from '../lib/format';

/**
 * The small line under an article's title in every list (library rows, search hits): outlet and date,
 * then whatever the list adds (words, hits, notes), separated by dots screen readers skip.
 */
export function MetaLine({
  className,
  outlet,
  publishedAt,
  extra,
}: {
  className: string;
  outlet: string | null;
  publishedAt: string | null;
  extra: ReactNode[];
}) {
  const parts = [
    <span key="outlet" className={outlet ? 'outlet' : 'outlet outlet--unknown'}>
      {outlet ?? 'Unknown outlet'}
    </span>,
    <time key="date" dateTime={publishedAt ?? undefined}>
      {formatDate(publishedAt)}
    </time>,
    ...extra.filter(Boolean),
  ];
  return (
    <div className={className}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <span aria-hidden="true">·</span>}
          {p}
        </Fragment>
      ))}
    </div>
  );
}
