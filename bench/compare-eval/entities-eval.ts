/**
 * Entity grouping across outlets: do the comparison's entities put the gold chain's proper-name mentions together
 * and keep other chains apart? Each story (an ECB+ event, a NewsWCL50 event) is compared as a user would compare
 * it, then each gold mention is mapped to the entity whose variant in that article has its form. Beside it, the
 * baseline of exact, case-folded string identity (one entity per distinct form).
 */
import { compareArticles } from '../../src-main/core/compare/compare-articles';
import type { CompareInput } from '../../src-main/core/compare/sentences';
import type { PairCounts } from './metrics';
import { bcubed, f3, pairCounts, pairwise } from './metrics';

export type GoldMention = { article: string; form: string; chain: string };

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Entity id per (article, folded form), from one comparison of a story's articles. */
function predictedIds(docs: CompareInput[], prefix: string): (article: string, form: string) => string | null {
  const r = compareArticles(docs);
  const byArticle = new Map<string, Array<{ form: string; id: string }>>();
  for (const e of r.entities)
    for (const v of e.variants)
      for (const a of v.articles) {
        if (!byArticle.has(a)) byArticle.set(a, []);
        byArticle.get(a)!.push({ form: fold(v.form), id: `${prefix}:${e.id}` });
      }
  return (article, form) => {
    const forms = byArticle.get(article) ?? [];
    const f = fold(form);
    const exact = forms.find((x) => x.form === f);
    if (exact) return exact.id;
    // A gold span can be wider or narrower than the product's ("Sen. Rand Paul" / "Rand Paul"): the longest overlap.
    const overlapping = forms
      .filter((x) => x.form && (f.includes(x.form) || x.form.includes(f)))
      .sort((a, b) => b.form.length - a.form.length);
    return overlapping[0]?.id ?? null;
  };
}

export function entityGrouping(
  setName: string,
  stories: Array<{ name: string; docs: CompareInput[] }>,
  mentions: GoldMention[],
): Array<Record<string, string | number>> {
  const ours: Array<{ article: string; gold: string; predicted: string }> = [];
  const exact: Array<{ article: string; gold: string; predicted: string }> = [];
  let unmatched = 0;
  const pw = { ours: [] as PairCounts[], exact: [] as PairCounts[] };
  const b3 = { ours: [] as Array<{ gold: string; predicted: string }>, exact: [] as Array<{ gold: string; predicted: string }> };
  for (const story of stories) {
    const ids = new Set(story.docs.map((d) => d.id));
    const ms = mentions.filter((m) => ids.has(m.article));
    if (ms.length < 2) continue;
    const lookup = predictedIds(story.docs, story.name);
    const o = ms.map((m, i) => {
      const p = lookup(m.article, m.form);
      if (!p) unmatched++;
      return { article: m.article, gold: m.chain, predicted: p ?? `${story.name}:none${i}` };
    });
    const x = ms.map((m) => ({ article: m.article, gold: m.chain, predicted: `${story.name}:${fold(m.form)}` }));
    ours.push(...o);
    exact.push(...x);
    pw.ours.push(pairCounts(o));
    pw.exact.push(pairCounts(x));
    b3.ours.push(...o);
    b3.exact.push(...x);
  }
  const rows = [
    { method: 'exact case-folded string (baseline)', pw: pairwise(pw.exact), b3: bcubed(b3.exact) },
    { method: 'Parallax entities', pw: pairwise(pw.ours), b3: bcubed(b3.ours) },
  ];
  return rows.map((r) => ({
    set: `${setName} (${ours.length} mentions, ${r.pw.gold} gold pairs across articles)`,
    method: r.method,
    'pairwise P': f3(r.pw.p),
    'pairwise R': f3(r.pw.r),
    'pairwise F1': f3(r.pw.f1),
    'B3 F1': f3(r.b3.f1),
    note: r.method.startsWith('Parallax') ? `${unmatched} mentions not found among its entities` : '',
  }));
}
