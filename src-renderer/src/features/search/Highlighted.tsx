import type { TextRange } from '@contract';

/** Text with some ranges marked as search hits. Rendered as React text nodes: never as HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges: TextRange[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, r] of [...ranges].sort((a, b) => a.start - b.start).entries()) {
    if (r.start < at || r.end <= r.start) continue;
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(
      <mark key={i} className="mark--search-hit">
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
