import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src-main/core/compare/compare-articles';
import { articleProfile, rankRelated } from '../../src-main/core/compare/related';
import { exportTable } from '../../src-main/core/compare/tables';
import { bbcArticles, inputFromText, seedInputs } from './seed-articles';

const seeds = seedInputs();
const result = compareArticles(seeds);
const entity = (form: string) => result.entities.find((e) => e.variants.some((v) => v.form === form));

describe('comparing the five seeds', () => {
  it('clusters the Shaibani spellings, with the outlets using each form', () => {
    const e = entity('Asaad al-Shibani')!;
    const forms = Object.fromEntries(e.variants.map((v) => [v.form, v.articles]));
    expect(forms['Asaad al-Shibani']).toEqual(['seed0001']);
    expect(forms['Asaad Al-Sheebani']).toEqual(['seed0002']);
    expect(forms['Asaad al-Shaibani']).toEqual(['seed0003']);
    expect(forms['Asaad Hassan al Shaibani']).toEqual(['seed0000', 'seed0004']);
    expect(Object.keys(forms)).toContain('أسعد حسن الشيباني');
  });
  it('clusters Yasar Guler / Yaşar Güler, Hussein Salameh / al-Salama and Türkiye / Turkiye / Turkey', () => {
    expect(entity('Yaşar Güler')).toBe(entity('Yasar Guler'));
    expect(entity('Hussein al-Salama')).toBe(entity('Hussein Salameh'));
    expect(entity('Turkey')).toBe(entity('Türkiye'));
    expect(entity('Turkiye')).toBe(entity('Türkiye'));
  });
  it('flags Ashraf vs Murhaf Abu Qasra as a role conflict, and Marhaf only as a spelling variant', () => {
    expect(entity('Marhaf Abu Qasra')).toBe(entity('Murhaf Abu Qasra'));
    expect(entity('Ashraf Abu Qasra')).not.toBe(entity('Murhaf Abu Qasra'));
    const role = result.conflicts.filter((c) => c.kind === 'role');
    expect(role).toHaveLength(1);
    expect(role[0]!.forms).toEqual(expect.arrayContaining(['Murhaf Abu Qasra', 'Ashraf Abu Qasra']));
    expect(role[0]!.articles).toContain('seed0003');
    expect(role[0]!.description).toMatch(/defence minister/);
    expect(result.conflicts.some((c) => c.forms.includes('Marhaf Abu Qasra') && !c.forms.includes('Ashraf Abu Qasra'))).toBe(false);
  });
  it('clusters Fidan’s “separate security” quote across four outlets, one of them a paraphrase', () => {
    const q = result.quotes.find((x) => x.variants.some((v) => v.text.includes('separate from Türkiye')))!;
    expect(q.speaker).toBe('Hakan Fidan');
    expect(q.articles).toEqual(['seed0000', 'seed0001', 'seed0002', 'seed0003']);
    expect(q.variants.find((v) => v.article === 'seed0002')!.kind).toBe('reported');
  });
  it('extracts embedded posts as quotes by their author, in Arabic too', () => {
    const posts = result.quotes.flatMap((q) => q.variants.filter((v) => v.kind === 'post'));
    expect(posts.map((p) => p.speaker)).toEqual(expect.arrayContaining(['Hakan Fidan', 'مرهف أبو قصرة']));
    const abuQasraPost = result.quotes.find((q) => q.variants.some((v) => v.speaker === 'مرهف أبو قصرة'))!;
    expect(abuQasraPost.speaker).toBe('Murhaf Abu Qasra');
  });
  it('aligns paraphrased sentences and marks word differences and spelling variants', () => {
    const pair = result.alignment.pairs.find((p) => p.b === 'seed0003')!;
    const a = result.articles[0]!.sentences;
    const b = result.articles[3]!.sentences;
    const row = pair.rows.find((r) => r.a !== null && a[r.a]!.text.startsWith('“We don’t view'))!;
    expect(b[row.b!]!.text).toMatch(/^"We do not see/);
    const bodyA = seeds[0]!.body;
    // "view" / "see" is the changed word; "don’t" / "do not" says the same and is not marked.
    expect(row.changesA.map(([s, e]) => bodyA.slice(s, e))).toContain('view');
    expect(row.changesA.map(([s, e]) => bodyA.slice(s, e)).join(' ')).not.toMatch(/don’t/);
    expect(row.variantsA.map(([s, e]) => bodyA.slice(s, e))).toContain("Türkiye's");
    expect(pair.rows.some((r) => r.a === null)).toBe(true);
  });
  it('sorts the coverage matrix by how many outlets carry a claim and marks unique claims', () => {
    const counts = result.claims.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(result.claims[0]!.count).toBe(4);
    expect(result.claims.filter((c) => c.unique).every((c) => c.passages.length === 1)).toBe(true);
  });
  it('exports the matrix as CSV with one column per outlet', () => {
    const csv = exportTable(result, 'claims', 'csv').content.split('\r\n')[0]!;
    expect(csv).toContain('Shafaq News');
    expect(csv.split(',').length).toBeGreaterThanOrEqual(7);
  });
  it('is deterministic', () => {
    expect(JSON.stringify(compareArticles(seedInputs()))).toBe(JSON.stringify(result));
  });
});

describe('bad input never errors or hangs', () => {
  it('compares an article with itself once, with a notice', () => {
    const r = compareArticles([seeds[0]!, seeds[0]!]);
    expect(r.articles).toHaveLength(1);
    expect(r.notices.join(' ')).toMatch(/more than once/);
    expect(r.alignment.pairs).toEqual([]);
  });
  it('handles an empty article and one with no sentences', () => {
    const empty = inputFromText('empty0001', '');
    const noSentences = inputFromText('dots00001', '…\n\n— —');
    const r = compareArticles([seeds[1]!, empty, noSentences]);
    expect(r.articles[1]!.sentences).toEqual([]);
    expect(r.notices.filter((n) => /no sentences/.test(n))).toHaveLength(2);
    expect(r.alignment.pairs[0]!.rows.every((row) => row.b === null)).toBe(true);
  });
  it('aligns text with no punctuation at all', () => {
    const words = seeds[0]!.body.replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ');
    const r = compareArticles([inputFromText('nopunct01', words), seeds[0]!]);
    expect(r.articles[0]!.sentences.length).toBeGreaterThan(1);
    expect(r.alignment.pairs[0]!.matched).toBeGreaterThan(0);
  });
  it('compares 50 articles at once', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...seeds[i % 5]!, id: `many${String(i).padStart(5, '0')}` }));
    const r = compareArticles(many);
    expect(r.articles).toHaveLength(50);
    // Ten copies of each seed: the widest claim is in four of the five seeds, so in 40 articles.
    expect(r.claims[0]!.count).toBe(40);
  });
});

const bbc = bbcArticles(4);
describe.skipIf(!bbc)('unrelated BBC stories (skipped when /work/shared/corpora is absent)', () => {
  it('aligns nothing across categories', () => {
    const picks = Object.values(bbc!).flatMap((list) => list.slice(0, 3));
    const cat = new Map(picks.map((p) => [p.id, p.id.slice(3, 6)]));
    const r = compareArticles(picks);
    const cross = r.claims.filter((c) => new Set(c.passages.map((p) => cat.get(p.article))).size > 1);
    expect(cross).toEqual([]);
  });
  it('ranks the other seeds first among BBC articles', () => {
    const pool = [...seeds, ...Object.values(bbc!).flat()].map((a) => articleProfile(a));
    const ranked = rankRelated(pool[2]!, pool, 4);
    expect(ranked.map((x) => x.id).sort()).toEqual(['seed0000', 'seed0001', 'seed0003', 'seed0004']);
  });
});
