import { z } from 'zod';
import type { Annotation, AnchorStatus, HighlightColor } from '../../contract';
import { AppError, clipPath, highlightColors } from '../../contract';
import { ANNO_CONTEXT } from './w3c-export';

/**
 * Reading W3C Web Annotation JSON-LD back: Parallax's own export, and text-quote annotations from other
 * tools (Hypothesis-style). The whole file is refused, with the reason, when any annotation breaks a MUST of
 * the model (no context, an id that is not one IRI, a bad type, dates that are not dates, both body and
 * bodyValue...) or targets no text passage; nothing is saved from a file that is refused.
 */

/** An annotation read from a file, not yet attached to an article of this notebook. */
export type IncomingAnnotation = {
  id: string;
  /** The `parallax:article` IRI, when the file came from Parallax. */
  parallaxArticle: string | null;
  /** What identifies the article in another notebook (Parallax exports carry them): its text's fingerprint, title and outlet. */
  article: { fingerprint: string | null; title: string | null; outlet: string | null };
  /** The target's source IRI (the article's URL or urn:parallax:article:…). */
  source: string;
  color: HighlightColor;
  note: string;
  tags: string[];
  quote: Annotation['quote'];
  /** Code points, as the W3C model counts them; null when the file had no TextPositionSelector. */
  position: Annotation['position'] | null;
  createdAt: string | null;
  updatedAt: string | null;
  anchor: Annotation['anchor'] | null;
};

const IRI = z.string().regex(/^[a-z][a-z0-9+.-]*:[^\s]+$/i, 'must be one IRI (e.g. https://… or urn:…)');
const DATE_TIME = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/,
    'must be an ISO 8601 date-time such as 2025-10-12T09:30:00Z',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');
const oneOrMany = <T extends z.ZodTypeAny>(t: T) => z.union([t, z.array(t)]).transform((v) => (Array.isArray(v) ? v : [v]));
const hasType = (name: string) => (t: unknown) => t === name || (Array.isArray(t) && t.includes(name));

const Selector = z.object({ type: z.string() }).passthrough();
const QuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'a TextQuoteSelector needs the exact text'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const PositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
const Body = z.union([
  IRI,
  z
    .object({ type: z.unknown().optional(), value: z.string().optional(), purpose: z.unknown().optional(), format: z.unknown().optional() })
    .passthrough(),
]);

const W3cAnnotation = z
  .object({
    id: IRI,
    type: z.unknown().refine(hasType('Annotation'), 'type must be "Annotation"'),
    created: DATE_TIME.optional(),
    modified: DATE_TIME.optional(),
    generated: DATE_TIME.optional(),
    rights: oneOrMany(IRI).optional(),
    via: oneOrMany(IRI).optional(),
    canonical: IRI.optional(),
    body: oneOrMany(Body).optional(),
    bodyValue: z.string().optional(),
    target: z.unknown(),
    'parallax:article': IRI.optional(),
    'parallax:fingerprint': z
      .string()
      .regex(/^\S{1,128}$/, 'must be the fingerprint Parallax writes')
      .optional(),
    // Only compared, and clipped wherever a message names them, so any length is read.
    'parallax:articleTitle': z.string().optional(),
    'parallax:outlet': z.string().optional(),
    'parallax:anchorStatus': z.enum(['ok', 'drifted', 'orphaned']).optional(),
    'parallax:anchorStart': z.number().int().min(0).optional(),
    'parallax:anchorEnd': z.number().int().min(0).optional(),
    // How earlier exports wrote the anchor; its keys were in no JSON-LD context, so it is read but no longer written.
    'parallax:anchor': z
      .object({ status: z.enum(['ok', 'drifted', 'orphaned']), start: z.number().int().nullable(), end: z.number().int().nullable() })
      .optional(),
  })
  .passthrough()
  .refine((a) => !(a.body !== undefined && a.bodyValue !== undefined), 'an annotation cannot have both body and bodyValue');

const Target = z.object({
  source: IRI,
  selector: oneOrMany(Selector),
  styleClass: z.unknown().optional(),
});

function hasAnnoContext(ctx: unknown): boolean {
  return ctx === ANNO_CONTEXT || (Array.isArray(ctx) && ctx.includes(ANNO_CONTEXT));
}

const describe = (e: z.ZodError) =>
  e.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
    .join('; ');

/** A stable Parallax id for a foreign annotation IRI (FNV-1a, twice), so importing twice does not duplicate it. */
export function idForIri(iri: string): string {
  const m = iri.match(/^urn:parallax:annotation:([a-z0-9]{8,32})$/);
  if (m) return m[1]!;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < iri.length; i++) {
    const c = iri.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return `w3c${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

function colorOf(styleClass: unknown): HighlightColor {
  const names = (Array.isArray(styleClass) ? styleClass : [styleClass]).filter((s): s is string => typeof s === 'string');
  for (const n of names) {
    const c = n.replace(/^parallax-/, '');
    if ((highlightColors as readonly string[]).includes(c)) return c as HighlightColor;
  }
  return 'yellow';
}

function toIncoming(raw: unknown, where: string): IncomingAnnotation {
  const parsed = W3cAnnotation.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_INPUT', `${where} is not a valid Web Annotation: ${describe(parsed.error)}`);
  const a = parsed.data;
  const targets = Array.isArray(a.target) ? a.target : [a.target];
  if (targets.length !== 1)
    throw new AppError('UNSUPPORTED', `${where} has ${targets.length} targets; Parallax imports annotations on one passage`);
  const target = Target.safeParse(targets[0]);
  if (!target.success) {
    throw new AppError(
      'UNSUPPORTED',
      `${where} does not target a text passage (it needs a source and a TextQuoteSelector): ${describe(target.error)}`,
    );
  }
  const selectors = target.data.selector;
  const quote = selectors.map((s) => QuoteSelector.safeParse(s)).find((r) => r.success)?.data;
  if (!quote) throw new AppError('UNSUPPORTED', `${where} has no valid TextQuoteSelector, so there is no passage to anchor to`);
  const pos = selectors.map((s) => PositionSelector.safeParse(s)).find((r) => r.success)?.data;
  if (pos && pos.end < pos.start) throw new AppError('BAD_INPUT', `${where}: its TextPositionSelector ends before it starts`);

  const notes: string[] = [];
  const tags: string[] = [];
  if (a.bodyValue) notes.push(a.bodyValue);
  for (const b of a.body ?? []) {
    if (typeof b === 'string') continue; // an external body (a link): nothing Parallax can show as a note
    if (typeof b.value !== 'string') continue;
    if (b.purpose === 'tagging') tags.push(b.value.trim());
    else notes.push(b.value);
  }
  const status = a['parallax:anchorStatus'];
  const anchor = status
    ? { status, start: a['parallax:anchorStart'] ?? null, end: a['parallax:anchorEnd'] ?? null }
    : (a['parallax:anchor'] ?? null);
  return {
    id: idForIri(a.id),
    parallaxArticle: a['parallax:article'] ?? null,
    article: {
      fingerprint: a['parallax:fingerprint'] ?? null,
      title: a['parallax:articleTitle'] ?? null,
      outlet: a['parallax:outlet'] ?? null,
    },
    source: target.data.source,
    color: colorOf(target.data.styleClass),
    note: notes.join('\n\n'),
    tags: tags.filter(Boolean),
    quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    position: pos ? { start: pos.start, end: pos.end } : null,
    createdAt: a.created ?? null,
    updatedAt: a.modified ?? null,
    anchor,
  };
}

function itemsOf(doc: Record<string, unknown>, where: string): unknown[] {
  if (hasType('Annotation')(doc.type)) return [doc];
  if (hasType('AnnotationPage')(doc.type)) {
    if (!Array.isArray(doc.items)) throw new AppError('BAD_INPUT', `${where}: an AnnotationPage needs an items array`);
    const next = doc.next && typeof doc.next === 'object' ? itemsOf(doc.next as Record<string, unknown>, where) : [];
    return [...doc.items, ...next];
  }
  if (hasType('AnnotationCollection')(doc.type)) {
    if (doc.total === 0 && doc.first === undefined) return [];
    if (!doc.first || typeof doc.first !== 'object') {
      throw new AppError(
        'UNSUPPORTED',
        `${where}: the collection's pages are not in the file (only links to them); export it with embedded pages`,
      );
    }
    return itemsOf(doc.first as Record<string, unknown>, where);
  }
  throw new AppError('BAD_INPUT', `${where}: type must be Annotation, AnnotationPage or AnnotationCollection`);
}

/** Parse a .jsonld / .json file (one annotation, a page, a collection, or an array) or a .jsonl file. */
export function parseW3cDocument(text: string, fullLabel: string): IncomingAnnotation[] {
  const fileLabel = clipPath(fullLabel);
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim());
  let docs: unknown[];
  try {
    docs =
      lines.length > 1 && lines.every((l) => l.trim().startsWith('{')) && !trimmed.startsWith('{\n')
        ? lines.map((l) => JSON.parse(l))
        : [JSON.parse(trimmed)];
  } catch (e) {
    throw new AppError('BAD_INPUT', `${fileLabel} is not valid JSON: ${(e as Error).message}`);
  }
  if (docs.length === 1 && Array.isArray(docs[0])) docs = docs[0] as unknown[];
  const out: IncomingAnnotation[] = [];
  docs.forEach((doc, i) => {
    const where = docs.length > 1 ? `${fileLabel} item ${i + 1}` : fileLabel;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new AppError('BAD_INPUT', `${where} is not a JSON object`);
    const d = doc as Record<string, unknown>;
    if (!hasAnnoContext(d['@context']))
      throw new AppError('BAD_INPUT', `${where} is not W3C Web Annotation JSON-LD: its @context must include ${ANNO_CONTEXT}`);
    itemsOf(d, where).forEach((item, k) => out.push(toIncoming(item, docs.length > 1 ? where : `${where} annotation ${k + 1}`)));
  });
  return out;
}

/** UTF-16 offset of a code-point offset in `s`. */
export function codePointToUtf16(s: string, cp: number): number {
  let units = 0;
  let n = 0;
  for (const ch of s) {
    if (n === cp) return units;
    units += ch.length;
    n++;
  }
  return units;
}

export function utf16ToCodePoint(s: string, units: number): number {
  return [...s.slice(0, units)].length;
}

/**
 * Where an incoming passage sits in an article's clean text: at its recorded position (ok), elsewhere by its
 * exact quote (drifted, nearest the recorded position), or nowhere (orphaned). Fuzzy re-anchoring belongs to
 * the annotation feature; this exact check is what an import needs to say honestly where each note landed.
 */
export function locateQuote(body: string, quote: Annotation['quote'], position: Annotation['position'] | null): Annotation['anchor'] {
  if (position) {
    const start = codePointToUtf16(body, position.start);
    const end = codePointToUtf16(body, position.end);
    if (body.slice(start, end) === quote.exact) return { status: 'ok', start, end };
  }
  let best = -1;
  const want = position ? codePointToUtf16(body, position.start) : 0;
  for (let i = body.indexOf(quote.exact); i >= 0; i = body.indexOf(quote.exact, i + 1)) {
    if (best < 0 || Math.abs(i - want) < Math.abs(best - want)) best = i;
  }
  if (best < 0) return { status: 'orphaned', start: null, end: null };
  const status: AnchorStatus = position ? 'drifted' : 'ok';
  return { status, start: best, end: best + quote.exact.length };
}
