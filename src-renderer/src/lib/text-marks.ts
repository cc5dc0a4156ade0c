/**
 * Marks laid over the clean text: annotation highlights, search hits, compare alignments. Every feature
 * describes its marks in body offsets (UTF-16 code units of ArticleDetail.body) and the reader renders
 * them through this one function, so they can overlap without any feature knowing about the others.
 */
export type TextMark = {
  start: number;
  end: number;
  /** 'annotation', 'search-hit', ...: becomes a class name `mark--<kind>`. */
  kind: string;
  id: string;
  /** Optional colour name, rendered as `data-color`. */
  color?: string;
  /** True for the mark the user is looking at (the current search hit, the selected annotation). */
  current?: boolean;
};

export type Segment = { start: number; end: number; text: string; marks: TextMark[] };

/** Split `text` (which starts at body offset `offset`) into runs that each carry the same set of marks. */
export function segmentText(text: string, offset: number, marks: TextMark[]): Segment[] {
  const end = offset + text.length;
  const relevant = marks.filter((m) => m.end > offset && m.start < end && m.end > m.start);
  if (relevant.length === 0) return [{ start: offset, end, text, marks: [] }];
  const cuts = new Set<number>([offset, end]);
  for (const m of relevant) {
    cuts.add(Math.max(offset, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    if (e <= s) continue;
    segments.push({
      start: s,
      end: e,
      text: text.slice(s - offset, e - offset),
      marks: relevant.filter((m) => m.start <= s && m.end >= e),
    });
  }
  return segments;
}
