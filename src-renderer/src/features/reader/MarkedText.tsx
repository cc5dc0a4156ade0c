import type { TextMark } from '../../lib/text-marks';
import { segmentText } from '../../lib/text-marks';

/**
 * A block's text with its marks. Every run is an element carrying `data-offset` (its start in the body),
 * so a DOM selection maps back to body offsets: offset = data-offset + offset inside the text node.
 */
export function MarkedText({ text, start, marks }: { text: string; start: number | null; marks: TextMark[] }) {
  if (start === null) return <>{text}</>;
  return (
    <>
      {segmentText(text, start, marks).map((s) =>
        s.marks.length === 0 ? (
          <span key={s.start} data-offset={s.start}>
            {s.text}
          </span>
        ) : (
          <mark
            key={s.start}
            data-offset={s.start}
            data-mark-ids={s.marks.map((m) => m.id).join(' ')}
            data-color={s.marks.find((m) => m.color)?.color}
            data-current={s.marks.some((m) => m.current) || undefined}
            className={[...new Set(s.marks.map((m) => `mark--${m.kind}`))].join(' ')}
          >
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}
