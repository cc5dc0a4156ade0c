import type { CompareEntity, CompareSentence, QuoteCluster, QuoteVariant } from '../../contract';
import type { CompareInput } from './sentences';
import type { SparseVector, Unit, Vectorizer } from './features';
import { cosine } from './features';
import type { speakerResolver } from './speakers';

/**
 * Direct quotes (“…”, "…", «…», „…“ — Arabic text uses «…» and “…” too) and embedded posts, with their
 * speaker; the same statement clustered across outlets however it was translated or trimmed, and the
 * outlets that only paraphrase it ("Turkey does not see Syria's security as separate from its own")
 * attached as reported variants.
 */
const QUOTE = /“([^“”]+)”|"([^"]+)"|«([^«»]+)»|„([^„“”]+)[“”]/gu;
/** Two quotes are the same statement from this cosine on; a paraphrase needs a little more. */
export const QUOTE_THRESHOLD = 0.3;
export const REPORTED_THRESHOLD = 0.3;

type Found = QuoteVariant & { articleIndex: number; entity: number | null; vector: SparseVector };

type Ctx = {
  inputs: CompareInput[];
  sentences: CompareSentence[][];
  units: Unit[][][];
  vec: Vectorizer;
  entities: CompareEntity[];
  speakers: ReturnType<typeof speakerResolver>;
  authorEntity: (article: number, blockStart: number) => number | null;
  sentenceVector: (article: number, sentence: number) => SparseVector;
};

function unitsIn(ctx: Ctx, article: number, start: number, end: number): Unit[] {
  const out: Unit[] = [];
  ctx.sentences[article]!.forEach((s, i) => {
    if (s.end <= start || s.start >= end) return;
    for (const u of ctx.units[article]![i]!) if (u.start >= start && u.end <= end) out.push(u);
  });
  return out;
}

function extract(ctx: Ctx): Found[] {
  const found: Found[] = [];
  ctx.inputs.forEach((input, article) => {
    const sentences = ctx.sentences[article]!;
    input.blocks.forEach((b) => {
      if (b.start === null || b.end === null) return;
      if (b.kind === 'post' && b.post) {
        const entity = ctx.authorEntity(article, b.start);
        const text = input.body.slice(b.start, b.end);
        found.push({
          article: input.id,
          articleIndex: article,
          text,
          kind: 'post',
          speaker: b.post.author ?? (b.post.handle ? `@${b.post.handle}` : null),
          entity,
          start: b.start,
          end: b.end,
          vector: ctx.vec.vectorize(unitsIn(ctx, article, b.start, b.end)),
        });
        return;
      }
      const text = input.body.slice(b.start, b.end);
      const spans: Array<[number, number]> = [];
      for (const m of text.matchAll(QUOTE)) {
        const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
        if (inner.trim().split(/\s+/).length < 2) continue;
        const start = b.start + m.index + 1;
        spans.push([start, start + inner.length]);
      }
      for (const [qs, qe] of spans) {
        // The attribution may sit in the sentence that opens or closes the quote, or the one right after it.
        const inside = sentences.filter((s) => s.end > qs - 1 && s.start < qe + 1);
        const firstIdx = inside.length ? inside[0]!.index : 0;
        const lastIdx = inside.length ? inside[inside.length - 1]!.index : 0;
        const next = sentences[lastIdx + 1];
        const wStart = sentences[firstIdx]?.start ?? qs;
        let wEnd = sentences[lastIdx]?.end ?? qe;
        if (next && next.block === inside[inside.length - 1]?.block && next.text.length < 80) wEnd = next.end;
        const who = ctx.speakers.speakerOf(article, input.body, wStart, wEnd, qs, qe, spans);
        found.push({
          article: input.id,
          articleIndex: article,
          text: input.body.slice(qs, qe).trim().replace(/[,.]$/, ''),
          kind: 'direct',
          speaker: who.form,
          entity: who.entity,
          start: qs,
          end: qe,
          vector: ctx.vec.vectorize(unitsIn(ctx, article, qs, qe)),
        });
      }
    });
  });
  return found;
}

const compatible = (a: number | null, b: number | null) => a === null || b === null || a === b;

export function clusterQuotes(ctx: Ctx): QuoteCluster[] {
  const found = extract(ctx);
  const parent = found.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const edges: Array<{ i: number; j: number; s: number }> = [];
  for (let i = 0; i < found.length; i++)
    for (let j = i + 1; j < found.length; j++) {
      const a = found[i]!;
      const b = found[j]!;
      if (a.articleIndex === b.articleIndex || !compatible(a.entity, b.entity)) continue;
      const s = cosine(a.vector, b.vector);
      if (s >= QUOTE_THRESHOLD) edges.push({ i, j, s });
    }
  edges.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const speakerOfRoot = new Map<number, number | null>(found.map((f, i) => [i, f.entity]));
  for (const e of edges) {
    const a = find(e.i);
    const b = find(e.j);
    if (a === b || !compatible(speakerOfRoot.get(a)!, speakerOfRoot.get(b)!)) continue;
    const [keep, drop] = a < b ? [a, b] : [b, a];
    parent[drop] = keep;
    speakerOfRoot.set(keep, speakerOfRoot.get(keep) ?? speakerOfRoot.get(drop)!);
  }
  const groups = new Map<number, Found[]>();
  found.forEach((f, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(f));

  const clusters = [...groups.entries()].map(([root, members]) => {
    const entity = speakerOfRoot.get(root) ?? null;
    const variants: Array<QuoteVariant & { articleIndex: number }> = members.map(({ vector: _v, entity: _e, ...v }) => v);
    // Outlets that carry the statement without quotation marks.
    const have = new Set(members.map((m) => m.articleIndex));
    const memberKeys = new Set(members.flatMap((m) => m.vector.keys));
    ctx.inputs.forEach((input, article) => {
      // Only a statement whose speaker is known can be recognised in someone's paraphrase of it.
      if (have.has(article) || entity === null) return;
      let best: { s: CompareSentence; score: number } | null = null;
      ctx.sentences[article]!.forEach((s, i) => {
        if (s.kind === 'post') return;
        const v = ctx.sentenceVector(article, i);
        // A paraphrase shares at least two features with the quote; most sentences share none.
        let shared = 0;
        for (const k of v.keys) if (memberKeys.has(k) && ++shared >= 2) break;
        if (shared < 2) return;
        const score = Math.max(...members.map((m) => cosine(m.vector, v)));
        if (score >= REPORTED_THRESHOLD && (!best || score > best.score)) best = { s, score };
      });
      const pick = best as { s: CompareSentence; score: number } | null;
      if (!pick) return;
      const speakers = ctx.speakers.sentenceSpeakers(article, pick.s, input.body);
      if (!speakers.has(entity)) return;
      variants.push({
        article: input.id,
        articleIndex: article,
        text: pick.s.text,
        kind: 'reported',
        speaker: null,
        start: pick.s.start,
        end: pick.s.end,
      });
    });
    variants.sort((a, b) => a.articleIndex - b.articleIndex || a.start - b.start);
    const direct = variants.filter((v) => v.kind !== 'reported');
    const label = direct.reduce((l, v) => (v.text.length > l.length && v.kind === 'direct' ? v.text : l), direct[0]?.text ?? '');
    const speakerName = entity !== null ? (ctx.entities[entity]?.name ?? null) : (direct.find((v) => v.speaker)?.speaker ?? null);
    return {
      first: Math.min(...variants.map((v) => v.articleIndex * 1e9 + v.start)),
      cluster: {
        id: '',
        speaker: speakerName,
        label,
        articles: [...new Set(variants.map((v) => v.articleIndex))].sort((a, b) => a - b).map((i) => ctx.inputs[i]!.id),
        variants: variants.map(({ articleIndex: _a, ...v }) => v),
      },
    };
  });
  return clusters
    .sort((a, b) => b.cluster.articles.length - a.cluster.articles.length || a.first - b.first)
    .map((c, k) => ({ ...c.cluster, id: `q${k + 1}` }));
}
