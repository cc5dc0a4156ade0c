import { useState } from 'react';
import type { CompareArticle, Conflict, ConflictPassage } from '@contract';
import { PassagePanel } from './PassagePanel';

const KIND: Record<Conflict['kind'], string> = {
  role: 'Different names for one role',
  name: 'Possibly one person',
  number: 'Different numbers',
  date: 'Different dates',
  place: 'Different places',
};

/** One passage per outlet: what the reader sets side by side. */
function sides(c: Conflict): ConflictPassage[] {
  const seen = new Set<string>();
  return (c.passages ?? []).filter((p) => !seen.has(p.article) && !!seen.add(p.article));
}

/** Disagreements between outlets, flagged; spelling variants are never listed here. Each opens its passages side by side. */
export function ConflictList({ conflicts, articles }: { conflicts: Conflict[]; articles: CompareArticle[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (!conflicts.length) return null;
  const label = (id: string) => articles.find((a) => a.id === id)?.label ?? id;
  return (
    <ul className="conflicts" aria-label="Conflicts">
      {conflicts.map((c, i) => {
        const both = sides(c);
        return (
          <li key={i} className={`conflict conflict--${c.kind}`}>
            <span className="conflict-flag" aria-hidden="true">
              ⚑
            </span>{' '}
            <strong>Conflict — {KIND[c.kind]}:</strong> {c.description}
            <span className="conflict__outlets"> ({c.articles.map(label).join(', ')})</span>
            {both.length >= 2 ? (
              <button type="button" className="link-button" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>
                {open === i ? 'Hide passages' : 'Show passages side by side'}
              </button>
            ) : null}
            {open === i ? (
              <div className="conflict-passages" role="group" aria-label="Conflicting passages">
                {both.map((p) => (
                  <PassagePanel key={p.article} passage={p} label={label(p.article)} onClose={() => setOpen(null)} />
                ))}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
