/**
 * The public data sets of `npm run eval:compare`, read into what the comparison takes (CompareInput) and what
 * they say is true. Each loader returns null, with a message, when its corpus is not on this machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../../src-main/contract';
import type { CompareInput } from '../../src-main/core/compare/sentences';
import { corpusOrSkip } from '../bench-utils';

const BLANK = '\n\n';

/** An article made of paragraphs, laid out as the analyser lays out a clean body (blocks with body offsets). */
export function inputFromParagraphs(
  id: string,
  title: string,
  paragraphs: string[],
  extra: Partial<Pick<CompareInput, 'outlet' | 'publishedAt' | 'language'>> = {},
): CompareInput {
  const blocks: Block[] = [];
  let offset = 0;
  const parts: string[] = [];
  for (const p of paragraphs.map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    if (parts.length) offset += BLANK.length;
    blocks.push({ kind: 'paragraph', text: p, reason: null, lang: null, post: null, start: offset, end: offset + p.length });
    offset += p.length;
    parts.push(p);
  }
  return {
    id,
    title,
    outlet: extra.outlet ?? null,
    publishedAt: extra.publishedAt ?? null,
    language: extra.language ?? 'en',
    body: parts.join(BLANK),
    blocks,
  };
}

// ---------------------------------------------------------------------------------------------- AllSides

export type AllSidesStory = { id: number; issue: string; date: string; roundup: string; articles: Array<CompareInput & { side: string }> };

export function loadAllSides(): AllSidesStory[] | null {
  const dir = corpusOrSkip('08-allsides-same-event-dev');
  if (!dir) return null;
  type Raw = {
    id: number;
    issue: string;
    date: string;
    roundup: string[];
    news: Record<string, { newsSource: string; newsTitle: string; newBody: string[] } | undefined>;
  };
  const stories: AllSidesStory[] = [];
  for (const line of readFileSync(join(dir, 'allsides_dev_odd_ids.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Raw;
    const articles = (['left', 'center', 'right'] as const).flatMap((side) => {
      const n = r.news[side];
      if (!n || !n.newBody?.length) return [];
      // No publication date: AllSides gives the story's date, the same for every side, which would hand the
      // ranking the answer. Dates written in the text still count.
      return [{ ...inputFromParagraphs(`as${r.id}${side[0]}`, n.newsTitle, n.newBody, { outlet: n.newsSource }), side }];
    });
    if (articles.length >= 2) stories.push({ id: r.id, issue: r.issue, date: r.date.slice(0, 10), roundup: r.roundup.join(' '), articles });
  }
  return stories;
}

// ---------------------------------------------------------------------------------------------- ECB+

export type EcbMention = { article: string; form: string; chain: string; type: 'person' | 'organisation' | 'place' };
export type EcbDoc = CompareInput & { topic: string; event: 'ecb' | 'ecbplus' };
export type Ecb = { docs: EcbDoc[]; mentions: EcbMention[] };

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}'’”]|'s|’s|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[([{“$#]$/;

/** Tokens joined as a text would print them, with the [start, end) of each token. */
function detokenise(tokens: string[]): { text: string; spans: Array<[number, number]> } {
  let text = '';
  const spans: Array<[number, number]> = [];
  tokens.forEach((t, i) => {
    if (i > 0 && !NO_SPACE_BEFORE.test(t) && !NO_SPACE_AFTER.test(tokens[i - 1]!)) text += ' ';
    spans.push([text.length, text.length + t.length]);
    text += t;
  });
  return { text, spans };
}

const ENTITY_TAGS: Record<string, EcbMention['type']> = {
  HUMAN_PART_PER: 'person',
  HUMAN_PART_ORG: 'organisation',
  HUMAN_PART_GPE: 'place',
  LOC_GEO: 'place',
  LOC_FAC: 'place',
  LOC_OTHER: 'place',
};

/** "Tara Reid", "Promises Treatment Center", "Malibu": a proper name, not "the actress" or "he". */
export function isProperName(form: string, sentenceInitial: boolean): boolean {
  const words = form.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w));
  if (!caps.length) return false;
  // A lone capitalised first word of a sentence ("Police", "He") says nothing about being a name.
  if (sentenceInitial && words.length === 1) return /^\p{Lu}{2,}/u.test(words[0]!);
  return caps.length >= Math.ceil(words.length / 2);
}

export function loadEcb(): Ecb | null {
  const dir = corpusOrSkip('09-ecbplus-dev');
  if (!dir) return null;
  const annotated = new Set<string>();
  for (const line of readFileSync(join(dir, 'ECBplus_coreference_sentences.csv'), 'utf8').split('\n').slice(1)) {
    const [topic, file, sentence] = line.trim().split(',');
    if (topic && file && sentence) annotated.add(`${topic}_${file}#${sentence}`);
  }
  const docs: EcbDoc[] = [];
  const mentions: EcbMention[] = [];
  const root = join(dir, 'ECB+');
  for (const topic of readdirSync(root).sort((a, b) => Number(a) - Number(b))) {
    for (const file of readdirSync(join(root, topic))
      .filter((f) => f.endsWith('.xml'))
      .sort()) {
      const xml = readFileSync(join(root, topic, file), 'utf8');
      const name = file.replace(/\.xml$/, '');
      const event = name.endsWith('ecbplus') ? 'ecbplus' : 'ecb';
      const tokens = new Map<string, { sentence: number; number: number; text: string }>();
      for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="(\d+)">([^<]*)<\/token>/g))
        tokens.set(m[1]!, { sentence: Number(m[2]), number: Number(m[3]), text: decodeXml(m[4]!) });
      const bySentence = new Map<number, Array<{ id: string; text: string }>>();
      for (const [id, t] of tokens) {
        // In ecbplus files sentence 0 is the page's address, not text.
        if (event === 'ecbplus' && t.sentence === 0) continue;
        if (!bySentence.has(t.sentence)) bySentence.set(t.sentence, []);
        bySentence.get(t.sentence)!.push({ id, text: t.text });
      }
      const order = [...bySentence.keys()].sort((a, b) => a - b);
      const paragraphs: string[] = [];
      const where = new Map<string, { para: number; span: [number, number] }>();
      for (const s of order) {
        const toks = bySentence.get(s)!;
        const d = detokenise(toks.map((t) => t.text));
        toks.forEach((t, i) => where.set(t.id, { para: paragraphs.length, span: d.spans[i]! }));
        paragraphs.push(d.text);
      }
      const id = `ecb${topic.padStart(2, '0')}${name.replace(/^\d+_/, '').replace('ecbplus', 'p').replace('ecb', 'e')}`;
      docs.push({ ...inputFromParagraphs(id, '', paragraphs), topic, event });

      // Mentions: markables with token anchors; chains: CROSS_DOC_COREF sources -> a descriptor's instance_id.
      const instanceOf = new Map<string, string>();
      for (const m of xml.matchAll(/<(\w+) m_id="(\d+)"[^>]*instance_id="([^"]+)"[^>]*\/>/g)) instanceOf.set(m[2]!, m[3]!);
      const chainOf = new Map<string, string>();
      for (const r of xml.matchAll(/<CROSS_DOC_COREF[^>]*>([\s\S]*?)<\/CROSS_DOC_COREF>/g)) {
        const target = /<target m_id="(\d+)"/.exec(r[1]!)?.[1];
        const chain = target ? instanceOf.get(target) : undefined;
        if (!chain) continue;
        for (const s of r[1]!.matchAll(/<source m_id="(\d+)"/g)) chainOf.set(s[1]!, chain);
      }
      for (const m of xml.matchAll(/<(\w+) m_id="(\d+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
        const type = ENTITY_TAGS[m[1]!];
        const chain = chainOf.get(m[2]!);
        if (!type || !chain) continue;
        const ids = [...m[3]!.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]!).filter((t) => where.has(t));
        if (!ids.length) continue;
        const first = tokens.get(ids[0]!)!;
        if (!annotated.has(`${topic}_${name.replace(/^\d+_/, '')}#${first.sentence}`)) continue;
        const w = ids.map((t) => where.get(t)!);
        if (w.some((x) => x.para !== w[0]!.para)) continue;
        const form = paragraphs[w[0]!.para]!.slice(w[0]!.span[0], w[w.length - 1]!.span[1]);
        if (!isProperName(form, first.number === 0)) continue;
        mentions.push({ article: id, form, chain, type });
      }
    }
  }
  return { docs, mentions };
}

const decodeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

// ---------------------------------------------------------------------------------------------- NewsWCL50

export type WclMention = { article: string; form: string; chain: string };
export type Wcl = { events: Array<{ event: string; docs: CompareInput[] }>; mentions: WclMention[] };

const OUTLETS: Record<string, string> = { LL: 'HuffPost', L: 'New York Times', M: 'USA Today', R: 'Fox News', RR: 'Breitbart' };
/** A mention that names: "Kim Jong-un", "Mr. Kim", "North Korea" — not "the North Korean leader" or "CIA Director". */
const ROLE_WORD =
  /\b(president|leader|director|secretary|minister|chairman|officials?|spokes\w*|administration|government|regime|dictator|senator|rep|governor|chief|head|envoy|ambassador|general|commander|forces|troops|people|team)\b/i;

export function loadNewsWcl(): Wcl | null {
  const dir = corpusOrSkip('11-newswcl50-dev');
  if (!dir) return null;
  const events: Wcl['events'] = [];
  const mentions: WclMention[] = [];
  const matched = join(dir, 'full-text', '2-matched');
  for (const ev of readdirSync(matched)
    .filter((e) => e.startsWith('event_'))
    .sort()) {
    const e = ev.slice('event_'.length);
    const docs: CompareInput[] = [];
    for (const o of readdirSync(join(matched, ev))
      .filter((x) => x.startsWith('orientation_'))
      .sort()) {
      const outlet = o.slice('orientation_'.length);
      const base = join(matched, ev, o, `${e}_${outlet}`);
      const sentences = readFileSync(`${base}_sent.txt`, 'utf8')
        .split('\n')
        .filter((s) => s.trim());
      const id = `wcl${e}${outlet.toLowerCase()}`;
      docs.push(inputFromParagraphs(id, '', sentences, { outlet: OUTLETS[outlet] ?? outlet }));
      const rows = readFileSync(`${base}_annotations.csv`, 'utf8').split('\n').slice(1).filter(Boolean).map(parseCsvLine);
      for (const r of rows) {
        const [, type, code, form] = r;
        if (!type || !code || !form || !['ACTOR', 'COUNTRY', 'GROUP'].includes(type)) continue;
        const f = form.trim();
        if (ROLE_WORD.test(f) || !isProperName(f.replace(/^(Mr|Mrs|Ms|Dr)\.?\s+/, ''), false)) continue;
        mentions.push({ article: id, form: f, chain: `${e}:${code}` });
      }
    }
    events.push({ event: e, docs });
  }
  return { events, mentions };
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

// ---------------------------------------------------------------------------------------------- MSRP

export type MsrpPair = { same: boolean; a: string; b: string };

export function loadMsrp(): MsrpPair[] | null {
  const dir = corpusOrSkip('10-msrp-train');
  if (!dir) return null;
  return readFileSync(join(dir, 'msr_paraphrase_train.txt'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((c) => c.length >= 5)
    .map((c) => ({ same: c[0] === '1', a: c[3]!, b: c[4]! }));
}
