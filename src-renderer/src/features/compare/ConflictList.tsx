import { useState } from 'react';
import type { CompareArticle, Conflict, ConflictPassage } from '@contract';
import { differingParts } from '@shared/compare';
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

type ItemProps = { note: Conflict; soft: boolean; open: boolean; onToggle: () => void; label: (id: string) => string };

/** One conflict or softer note: what differs, in words, and its passages side by side on request. */
function NoteItem({ note: c, soft, open, onToggle, label }: ItemProps) {
  const both = sides(c);
  return (
    <li className={`conflict conflict--${c.kind}${soft ? ' conflict--soft' : ''}`}>
      <span className="conflict-flag" aria-hidden="true">
        {soft ? '≠' : '⚑'}
      </span>{' '}
      <strong>{soft ? 'Differs' : `Conflict — ${KIND[c.kind]}`}:</strong>{' '}
      <span className="conflict__part">What differs: {differingParts[c.kind]}.</span> {c.description}
      <span className="conflict__outlets"> ({c.articles.map(label).join(', ')})</span>
      {both.length >= 2 ? (
        <button type="button" className="link-button" aria-expanded={open} onClick={onToggle}>
          {open ? 'Hide passages' : 'Show passages side by side'}
        </button>
      ) : null}
      {open ? (
        <div className="conflict-passages" role="group" aria-label={soft ? 'Differing passages' : 'Conflicting passages'}>
          {both.map((p) => (
            <PassagePanel key={p.article} passage={p} label={label(p.article)} onClose={onToggle} />
          ))}
        </div>
      ) : null}
    </li>
  );
}

/**
 * Disagreements between outlets, flagged; spelling variants are never listed here. Softer notes (`differs`: a
 * different measure, a running toll, days either side of midnight) follow in a list of their own. Each says
 * which part differs and opens its passages side by side.
 */
export function ConflictList({
  conflicts,
  differs = [],
  articles,
}: {
  conflicts: Conflict[];
  differs?: Conflict[];
  articles: CompareArticle[];
}) {
  const [open, setOpen] = useState<string | null>(null);
  if (!conflicts.length && !differs.length) return null;
  const label = (id: string) => articles.find((a) => a.id === id)?.label ?? id;
  const item = (c: Conflict, i: number, soft: boolean) => {
    const key = `${soft ? 'd' : 'c'}${i}`;
    return (
      <NoteItem key={key} note={c} soft={soft} open={open === key} onToggle={() => setOpen(open === key ? null : key)} label={label} />
    );
  };
  return (
    <>
      {conflicts.length ? (
        <ul className="conflicts" aria-label="Conflicts">
          {conflicts.map((c, i) => item(c, i, false))}
        </ul>
      ) : null}
      {differs.length ? (
        <ul className="conflicts conflicts--soft" aria-label="Differences that do not contradict">
          {differs.map((c, i) => item(c, i, true))}
        </ul>
      ) : null}
    </>
  );
}
