import { useEffect, useMemo } from 'react';
import type { TextMark } from '../../lib/text-marks';

/** The link to a passage of an article (`#/article/<id>?passage=<start>-<end>`, offsets in its clean text). */
export const passageParam = (p: { start: number; end: number }) => ({ passage: `${p.start}-${p.end}` });

/**
 * The passage a link names, as a mark for the reader, brought into view once the article is shown. The
 * reader renders its text after loading the article, so the mark is looked for a few frames running.
 */
export function useLinkedPassage(param: string | null, articleId: string | null): TextMark[] | undefined {
  const marks = useMemo(() => {
    const m = param?.match(/^(\d+)-(\d+)$/);
    if (!m || Number(m[2]) <= Number(m[1])) return undefined;
    return [{ start: Number(m[1]), end: Number(m[2]), kind: 'passage', id: 'linked-passage', current: true }];
  }, [param]);
  useEffect(() => {
    if (!marks) return;
    let frame = 0;
    let tries = 0;
    const look = () => {
      const el = document.querySelector('.mark--passage');
      if (el) return el.scrollIntoView({ block: 'center' });
      if (++tries < 300) frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [marks, articleId]);
  return marks;
}
