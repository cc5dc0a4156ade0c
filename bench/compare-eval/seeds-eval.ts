/**
 * The five seeds, the regression test of the comparison: scored against their hand-labelled gold set
 * (tests/fixtures/compare-gold/seeds.json, rules in docs/compare-gold.md), and checked on unrelated BBC
 * stories (skipped with a message when the corpus is absent). Prints precision, recall and F1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareArticles } from '../../src-main/core/compare/compare-articles';
import { articleProfile, rankRelated } from '../../src-main/core/compare/related';
import type { CompareInput } from '../../src-main/core/compare/sentences';
import { bbcArticles, seedInputs } from '../../tests/unit/seed-articles';

export function seedsEval(verbose: boolean): void {
  type Gold = {
    articles: Record<string, string>;
    alignment: Array<{ a: string; b: string; pairs: string[][]; acceptable: string[][] }>;
    quotes: Array<{ speaker: string; members: string[][] }>;
    entities: string[][];
  };
  const gold = JSON.parse(
    readFileSync(join(fileURLToPath(new URL('../..', import.meta.url)), 'tests/fixtures/compare-gold/seeds.json'), 'utf8'),
  ) as Gold;
  const seeds = seedInputs();
  const byKey = (k: string): CompareInput => seeds[Object.keys(gold.articles).indexOf(k)]!;

  type Score = { tp: number; predicted: number; gold: number; found: number };
  const prf = (s: Score) => {
    const p = s.predicted ? s.tp / s.predicted : 1;
    const r = s.gold ? s.found / s.gold : 1;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const fmt = (name: string, s: Score) => {
    const { p, r, f1 } = prf(s);
    return `${name.padEnd(22)} precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f1.toFixed(3)}   (${s.tp}/${s.predicted} predicted correct, ${s.found}/${s.gold} gold found)`;
  };

  // Sentence alignment: every pair of seeds compared two by two.
  const align: Score = { tp: 0, predicted: 0, gold: 0, found: 0 };
  const misses: string[] = [];
  for (const g of gold.alignment) {
    const r = compareArticles([byKey(g.a), byKey(g.b)]);
    const [sa, sb] = [r.articles[0]!.sentences, r.articles[1]!.sentences];
    const predicted = r.alignment.pairs[0]!.rows.filter((row) => row.a !== null && row.b !== null).map((row) => [
      sa[row.a!]!.text,
      sb[row.b!]!.text,
    ]);
    const is = (p: string[], l: string[]) => p[0]!.startsWith(l[0]!) && p[1]!.startsWith(l[1]!);
    align.predicted += predicted.length;
    align.gold += g.pairs.length;
    for (const p of predicted) {
      if (g.pairs.some((l) => is(p, l)) || g.acceptable.some((l) => is(p, l))) align.tp++;
      else misses.push(`  false ${g.a}-${g.b}: ${p[0]!.slice(0, 50)} | ${p[1]!.slice(0, 50)}`);
    }
    for (const l of g.pairs) {
      if (predicted.some((p) => is(p, l))) align.found++;
      else misses.push(`  missed ${g.a}-${g.b}: ${l[0]} | ${l[1]}`);
    }
  }

  // One comparison of all five for quotes and entities.
  const all = compareArticles(seeds);
  const idOf = (k: string) => byKey(k).id;

  // Quotes: pairwise clustering over variants that the gold set knows.
  const quote: Score = { tp: 0, predicted: 0, gold: 0, found: 0 };
  /** The gold quotes a variant can be (a reported sentence may hold two statements). */
  const goldOf = (article: string, text: string): Set<number> =>
    new Set(
      gold.quotes.flatMap((q, gi) =>
        q.members.some(([k, snip]) => idOf(k!) === article && (text.includes(snip!) || snip!.includes(text.slice(0, 40)))) ? [gi] : [],
      ),
    );
  for (const c of all.quotes) {
    const vs = c.variants;
    for (let i = 0; i < vs.length; i++)
      for (let j = i + 1; j < vs.length; j++) {
        if (vs[i]!.article === vs[j]!.article) continue;
        quote.predicted++;
        const gj = goldOf(vs[j]!.article, vs[j]!.text);
        if ([...goldOf(vs[i]!.article, vs[i]!.text)].some((g) => gj.has(g))) quote.tp++;
        else misses.push(`  quote pair wrongly joined: “${vs[i]!.text.slice(0, 50)}” | “${vs[j]!.text.slice(0, 50)}”`);
      }
  }
  for (const q of gold.quotes) {
    for (let i = 0; i < q.members.length; i++)
      for (let j = i + 1; j < q.members.length; j++) {
        quote.gold++;
        const [ka, sa] = q.members[i]!;
        const [kb, sb] = q.members[j]!;
        const hit = all.quotes.some(
          (c) =>
            c.variants.some((v) => v.article === idOf(ka!) && v.text.includes(sa!)) &&
            c.variants.some((v) => v.article === idOf(kb!) && v.text.includes(sb!)),
        );
        if (hit) quote.found++;
        else misses.push(`  quote pair missed: ${ka} “${sa}” | ${kb} “${sb}”`);
      }
  }

  // Entities: pairwise clustering of the forms the gold set lists.
  const entity: Score = { tp: 0, predicted: 0, gold: 0, found: 0 };
  const goldForm = new Map<string, number>();
  gold.entities.forEach((forms, i) => forms.forEach((f) => goldForm.set(f, i)));
  for (const e of all.entities) {
    const forms = e.variants.filter((v) => !v.partial && goldForm.has(v.form)).map((v) => v.form);
    for (let i = 0; i < forms.length; i++)
      for (let j = i + 1; j < forms.length; j++) {
        entity.predicted++;
        if (goldForm.get(forms[i]!) === goldForm.get(forms[j]!)) entity.tp++;
      }
  }
  for (const forms of gold.entities)
    for (let i = 0; i < forms.length; i++)
      for (let j = i + 1; j < forms.length; j++) {
        entity.gold++;
        if (all.entities.some((e) => e.variants.some((v) => v.form === forms[i]) && e.variants.some((v) => v.form === forms[j])))
          entity.found++;
        else misses.push(`  entity pair missed: ${forms[i]} | ${forms[j]}`);
      }

  console.log('Parallax compare quality on the five seeds (gold: tests/fixtures/compare-gold/seeds.json)\n');
  console.log(fmt('sentence alignment', align));
  console.log(fmt('quote clustering', quote));
  console.log(fmt('entity clustering', entity));
  const conflict = all.conflicts.find(
    (c) => c.kind === 'role' && c.forms.includes('Ashraf Abu Qasra') && c.forms.includes('Murhaf Abu Qasra'),
  );
  const variantConflict = all.conflicts.some((c) => c.forms.includes('Marhaf Abu Qasra') && !c.forms.includes('Murhaf Abu Qasra'));
  console.log(
    `conflicts              Ashraf/Murhaf flagged: ${conflict ? 'yes' : 'NO'}; Murhaf/Marhaf kept a variant: ${variantConflict ? 'NO' : 'yes'}; ${all.conflicts.length} conflict(s) in all`,
  );
  if (verbose) console.log(`\nDisagreements with the gold set:\n${misses.join('\n')}`);

  // Unrelated stories: nothing aligns across them, and related coverage ranks the same event first.
  const bbc = bbcArticles(40);
  if (!bbc) {
    console.log('\nBBC check skipped: /work/shared/corpora/01-bbc-news-fulltext is not on this machine.');
  } else {
    const cats = Object.keys(bbc);
    const picks = cats.flatMap((c) => bbc[c]!.slice(0, 4));
    const cross = compareArticles(picks);
    const owner = new Map(picks.map((p, i) => [p.id, cats[Math.floor(i / 4)]!]));
    // Each BBC article here is its own story: any claim two of them share is a false alignment.
    const shared = cross.claims.filter((c) => c.passages.length > 1);
    const sentences = cross.articles.reduce((n, a) => n + a.sentences.length, 0);
    console.log(
      `\nBBC, ${picks.length} unrelated articles (${sentences} sentences, ${cats.length} categories) compared at once: ${shared.length} claim(s) shared across stories.`,
    );
    for (const c of shared.slice(0, 5))
      console.log(`  shared: ${c.passages.map((p) => `${owner.get(p.article)}: ${p.text.slice(0, 70)}`).join(' | ')}`);
    const pool = [...seeds, ...cats.flatMap((c) => bbc[c]!)].map((a) => articleProfile(a));
    let correct = 0;
    let total = 0;
    for (const s of seeds) {
      const ranked = rankRelated(
        pool.find((p) => p.id === s.id)!,
        pool,
        4,
      );
      const hits = ranked.filter((r) => r.id.startsWith('seed')).length;
      correct += hits;
      total += 4;
    }
    console.log(
      `Related coverage among ${pool.length} articles (5 seeds + ${pool.length - 5} BBC): ${correct}/${total} of each seed's top-4 are the other seeds (precision@4 ${(correct / total).toFixed(3)}).`,
    );
  }
}
