import type { CompareArticle, Conflict } from '@contract';

const KIND: Record<Conflict['kind'], string> = {
  role: 'Different names for one role',
  name: 'Possibly one person',
  number: 'Different numbers',
  date: 'Different dates',
  place: 'Different places',
};

/** Disagreements between outlets, flagged; spelling variants are never listed here. */
export function ConflictList({ conflicts, articles }: { conflicts: Conflict[]; articles: CompareArticle[] }) {
  if (!conflicts.length) return null;
  const label = (id: string) => articles.find((a) => a.id === id)?.label ?? id;
  return (
    <ul className="conflicts" aria-label="Conflicts">
      {conflicts.map((c, i) => (
        <li key={i} className={`conflict conflict--${c.kind}`}>
          <span className="conflict-flag" aria-hidden="true">
            ⚑
          </span>{' '}
          <strong>Conflict — {KIND[c.kind]}:</strong> {c.description}
          <span className="conflict__outlets"> ({c.articles.map(label).join(', ')})</span>
        </li>
      ))}
    </ul>
  );
}
