/**
 * Related coverage ("Suggest related coverage") on real collections, beside a plain TF-IDF cosine:
 *   - AllSides: every article is a query; the other sides of its story are the relevant ones (precision@2, MAP);
 *   - ECB+: every document is a query over all 33 topics; the relevant ones report the same event; the other
 *     event of its topic is the near miss (same actor or kind of event, another time) that must rank below.
 */
import type { CompareInput } from '../../src-main/core/compare/sentences';
import { articleProfile, rankRelated } from '../../src-main/core/compare/related';
import type { AllSidesStory, EcbDoc } from './corpora';
import { averagePrecision, f3, precisionAt, tfidfRanker } from './metrics';

type Ranker = (id: string) => string[];

function parallaxRanker(docs: CompareInput[]): Ranker {
  const profiles = docs.map((d) => articleProfile(d));
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return (id) => rankRelated(byId.get(id)!, profiles, profiles.length).map((r) => r.id);
}

const text = (d: CompareInput) => `${d.title}\n${d.body}`;

type Row = Record<string, string | number>;

function score(
  name: string,
  rank: Ranker,
  queries: Array<{ id: string; relevant: Set<string>; nearMiss?: Set<string> }>,
): { row: Row; ap: number[] } {
  let p2 = 0;
  let map = 0;
  let nearMissAbove = 0;
  let nearMissPairs = 0;
  const ap: number[] = [];
  for (const q of queries) {
    const ranked = rank(q.id);
    p2 += precisionAt(ranked, q.relevant, 2);
    const a = averagePrecision(ranked, q.relevant);
    ap.push(a);
    map += a;
    if (q.nearMiss?.size) {
      // Of every (same-event, near-miss) pair, how often the same-event document ranks higher.
      const pos = new Map(ranked.map((id, i) => [id, i]));
      for (const r of q.relevant)
        for (const m of q.nearMiss) {
          nearMissPairs++;
          if ((pos.get(r) ?? Infinity) < (pos.get(m) ?? Infinity)) nearMissAbove++;
        }
    }
  }
  const row: Row = { ranker: name, 'precision@2': f3(p2 / queries.length), MAP: f3(map / queries.length) };
  if (nearMissPairs) row['same event above near miss'] = f3(nearMissAbove / nearMissPairs);
  return { row, ap };
}

function versus(a: number[], b: number[]): string {
  let better = 0;
  let worse = 0;
  a.forEach((x, i) => {
    if (x > b[i]! + 1e-9) better++;
    else if (x < b[i]! - 1e-9) worse++;
  });
  return `better on ${better}, worse on ${worse} queries`;
}

export function relatedAllSides(stories: AllSidesStory[]): Row[] {
  const docs = stories.flatMap((s) => s.articles);
  const storyOf = new Map(stories.flatMap((s) => s.articles.map((a) => [a.id, s.id])));
  const queries = docs.map((d) => ({
    id: d.id,
    relevant: new Set(docs.filter((o) => o.id !== d.id && storyOf.get(o.id) === storyOf.get(d.id)).map((o) => o.id)),
  }));
  const base = score('TF-IDF cosine (baseline)', tfidfRanker(docs.map((d) => ({ id: d.id, text: text(d) }))), queries);
  const ours = score('Parallax related coverage', parallaxRanker(docs), queries);
  ours.row.note = versus(ours.ap, base.ap);
  return [base.row, ours.row].map((r) => ({ set: `AllSides dev (${docs.length} articles, ${stories.length} stories)`, ...r }));
}

export function relatedEcb(docs: EcbDoc[]): Row[] {
  const queries = docs.map((d) => ({
    id: d.id,
    relevant: new Set(docs.filter((o) => o.id !== d.id && o.topic === d.topic && o.event === d.event).map((o) => o.id)),
    nearMiss: new Set(docs.filter((o) => o.topic === d.topic && o.event !== d.event).map((o) => o.id)),
  }));
  const base = score('TF-IDF cosine (baseline)', tfidfRanker(docs.map((d) => ({ id: d.id, text: text(d) }))), queries);
  const ours = score('Parallax related coverage', parallaxRanker(docs), queries);
  ours.row.note = versus(ours.ap, base.ap);
  return [base.row, ours.row].map((r) => ({ set: `ECB+ topics 1-35 (${docs.length} documents)`, ...r }));
}
