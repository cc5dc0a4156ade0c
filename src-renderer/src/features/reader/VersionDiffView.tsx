import type { DiffSegment } from '@contract';

/**
 * One run of a diff. Insertions and deletions are told apart by more than colour: a deletion is struck
 * through and an insertion underlined, and each says what it is to a screen reader ("deleted: five").
 * The space before a marked run is shown outside the mark.
 */
function Segment({ s }: { s: DiffSegment }) {
  if (s.op === 'same') return <>{s.text}</>;
  const lead = s.text.match(/^\s*/)![0];
  const words = s.text.slice(lead.length);
  const Tag = s.op === 'deleted' ? 'del' : 'ins';
  return (
    <>
      {lead}
      <Tag className={`diff__${s.op}`}>
        <span className="visually-hidden">[{s.op}: </span>
        {words}
        <span className="visually-hidden">]</span>
      </Tag>
    </>
  );
}

/** Two versions' headline and text, word by word. */
export function VersionDiffView({ title, body, label }: { title: DiffSegment[]; body: DiffSegment[]; label: string }) {
  return (
    <figure className="diff" aria-label={label}>
      <p className="diff__title" data-testid="diff-title">
        {title.map((s, i) => (
          <Segment key={i} s={s} />
        ))}
      </p>
      <div className="diff__body" data-testid="diff-body" tabIndex={0}>
        {body.map((s, i) => (
          <Segment key={i} s={s} />
        ))}
      </div>
    </figure>
  );
}
