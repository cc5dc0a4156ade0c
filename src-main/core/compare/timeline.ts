import type { Claim, Passage, Timeline, TimelineArticle, TimelineItem } from '../../contract';
import { quantitiesOf } from './quantities';

/** An article as the timeline takes it: its publication time and, where known, its update times (ISO). */
export type TimelineInputArticle = { id: string; outlet: string | null; title: string; published: string | null; updates: string[] };

/** ISO dates and date-times order as strings once both are in UTC; a bare date sorts before that day's times. */
const isDated = (a: TimelineInputArticle) => a.published !== null && a.published.trim() !== '';

/**
 * A story's timeline: its articles by publication time (undated ones apart), and each claim or figure two
 * or more articles carry, placed at its first appearance: who had it first, who repeated it after, and who
 * carried it without a date. Claims are the comparison's (core/compare/claims.ts); figures are the numbers
 * quantitiesOf reads in those passages, one figure being the same kind, unit, counted thing and value.
 */
export function storyTimeline(articles: TimelineInputArticle[], claims: Claim[]): Timeline {
  const byTime = (x: TimelineInputArticle, y: TimelineInputArticle) =>
    x.published! < y.published! ? -1 : x.published! > y.published! ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  const dated = articles.filter(isDated).sort(byTime);
  const undated = articles.filter((a) => !isDated(a));
  const published = new Map(dated.map((a) => [a.id, a.published!]));
  const order = new Map(dated.map((a, i) => [a.id, i]));
  const show = (a: TimelineInputArticle): TimelineArticle => ({ ...a, updates: [...a.updates].sort() });

  const place = (kind: TimelineItem['kind'], id: string, label: string, passages: Passage[]): TimelineItem => {
    const withDate = passages.filter((p) => published.has(p.article)).sort((x, y) => order.get(x.article)! - order.get(y.article)!);
    const firstAt = withDate[0] ? published.get(withDate[0].article)! : null;
    return {
      kind,
      id,
      label,
      firstAt,
      first: withDate.filter((p) => published.get(p.article) === firstAt),
      repeated: withDate.filter((p) => published.get(p.article) !== firstAt),
      undated: passages.filter((p) => !published.has(p.article)),
    };
  };

  const shared = claims.filter((c) => new Set(c.passages.map((p) => p.article)).size >= 2);
  const items = shared.map((c) => place('claim', c.id, c.label, c.passages));

  // Figures: the first passage of each article that gives it.
  const figures = new Map<string, { label: string; passages: Map<string, Passage> }>();
  for (const c of claims) {
    for (const p of c.passages) {
      for (const q of quantitiesOf(p.text)) {
        const key = [q.kind, q.unit, q.counted ?? '', q.value, q.second ?? ''].join('|');
        const f = figures.get(key) ?? { label: q.text, passages: new Map<string, Passage>() };
        if (!f.passages.has(p.article)) f.passages.set(p.article, p);
        figures.set(key, f);
      }
    }
  }
  for (const f of figures.values()) if (f.passages.size >= 2) items.push(place('figure', f.label, f.label, [...f.passages.values()]));

  // First appearance first; the undated-only last; then the most widely carried.
  items.sort(
    (x, y) =>
      (x.firstAt === null ? 1 : 0) - (y.firstAt === null ? 1 : 0) ||
      (x.firstAt ?? '').localeCompare(y.firstAt ?? '') ||
      y.first.length + y.repeated.length + y.undated.length - (x.first.length + x.repeated.length + x.undated.length) ||
      x.label.localeCompare(y.label),
  );
  return { articles: dated.map(show), undated: undated.map(show), items };
}
