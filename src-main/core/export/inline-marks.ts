import type { Annotation, HighlightColor } from '../../contract';

/** A stretch of a block's text and the annotations that cover it (innermost, i.e. latest-starting, last). */
export type MarkedSegment = { text: string; covering: Annotation[]; /** Annotations that end with this segment. */ ending: Annotation[] };

/**
 * Cut the text of one block (body offsets `start`..`end`) at every highlight boundary, so a report can
 * mark each passage inline. Overlapping highlights give segments covered by several; orphaned
 * annotations (no place in the text) are left out.
 */
export function markSegments(body: string, start: number, end: number, annotations: readonly Annotation[]): MarkedSegment[] {
  const inBlock = annotations.filter(
    (a) => a.anchor.start !== null && a.anchor.end !== null && a.anchor.start < end && a.anchor.end > start && a.anchor.end > a.anchor.start,
  );
  const cuts = new Set([start, end]);
  for (const a of inBlock) {
    cuts.add(Math.max(start, a.anchor.start!));
    cuts.add(Math.min(end, a.anchor.end!));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: MarkedSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i]!, points[i + 1]!];
    const covering = inBlock.filter((a) => a.anchor.start! <= s && a.anchor.end! >= e).sort((x, y) => x.anchor.start! - y.anchor.start!);
    const ending = covering.filter((a) => a.anchor.end === e);
    out.push({ text: body.slice(s, e), covering, ending });
  }
  return out;
}

export type { HighlightColor };
