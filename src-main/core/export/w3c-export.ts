import type { Annotation } from '../../contract';
import type { ExportArticle } from './export-article';
import { highlightHex } from './highlight-hex';

/**
 * W3C Web Annotation Data Model (JSON-LD). Each annotation targets its article with a TextQuoteSelector and
 * a TextPositionSelector (code points over the clean text), keeps its note as a Markdown TextualBody
 * (purpose commenting) and each tag as a TextualBody (purpose tagging), and its colour as a styleClass with
 * a CssStylesheet, as the model's section 4.4 says. What the model has no term for sits under a `parallax:`
 * prefix declared in the context (every key expands to an IRI, so the file is valid JSON-LD and other
 * tools can ignore them), and lets Parallax re-import without loss, into this notebook or another:
 *
 * - `parallax:article`: the article's IRI in the notebook it came from;
 * - `parallax:fingerprint`, `parallax:articleTitle`, `parallax:outlet`: what identifies the article in any
 *   notebook (the duplicate check's hash of its text, its title and outlet), since ids differ per notebook;
 * - `parallax:anchorStatus`, `parallax:anchorStart`, `parallax:anchorEnd`: where the passage sits now
 *   (ok, drifted or orphaned; UTF-16 offsets), which may differ from the TextPositionSelector it was made at.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const PARALLAX_NS = 'https://parallax.invalid/ns/annotation#';
export const CONTEXT = [ANNO_CONTEXT, { parallax: PARALLAX_NS, 'parallax:article': { '@type': '@id' } }] as const;

export const annotationIri = (id: string) => `urn:parallax:annotation:${id}`;
export const articleIri = (id: string) => `urn:parallax:article:${id}`;
export const styleClassOf = (color: string) => `parallax-${color}`;

export type W3cAnnotation = Record<string, unknown>;

export function toW3cAnnotation(a: ExportArticle, n: Annotation, withContext: boolean): W3cAnnotation {
  const body: Array<Record<string, unknown>> = [];
  if (n.note.trim()) body.push({ type: 'TextualBody', value: n.note, format: 'text/markdown', purpose: 'commenting' });
  for (const t of n.tags) body.push({ type: 'TextualBody', value: t, purpose: 'tagging' });
  const out: W3cAnnotation = {
    ...(withContext ? { '@context': CONTEXT } : {}),
    id: annotationIri(n.id),
    type: 'Annotation',
    motivation: n.note.trim() ? 'commenting' : 'highlighting',
    created: n.createdAt,
    modified: n.updatedAt,
    ...(body.length ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: a.url ?? articleIri(a.id),
      styleClass: styleClassOf(n.color),
      selector: [
        { type: 'TextQuoteSelector', exact: n.quote.exact, prefix: n.quote.prefix, suffix: n.quote.suffix },
        { type: 'TextPositionSelector', start: n.position.start, end: n.position.end },
      ],
    },
    stylesheet: { type: 'CssStylesheet', value: `.${styleClassOf(n.color)} { background-color: ${highlightHex[n.color]}; }` },
    'parallax:article': articleIri(a.id),
    'parallax:fingerprint': a.fingerprint,
    'parallax:articleTitle': a.title,
    ...(a.outlet ? { 'parallax:outlet': a.outlet } : {}),
    'parallax:anchorStatus': n.anchor.status,
    ...(n.anchor.start !== null && n.anchor.end !== null
      ? { 'parallax:anchorStart': n.anchor.start, 'parallax:anchorEnd': n.anchor.end }
      : {}),
  };
  return out;
}

/**
 * An AnnotationCollection whose first (and only) page is embedded: one self-contained file. Written in
 * pieces so a large export streams to disk; `begin` needs only the total.
 */
export const w3cCollection = {
  begin(total: number, label: string, id: string, generatedAt: string): string {
    const page = `${id}#page-1`;
    const head = {
      '@context': CONTEXT,
      id,
      type: 'AnnotationCollection',
      label,
      total,
      created: generatedAt,
      generator: { id: 'urn:parallax:app', type: 'Software', name: 'Parallax' },
      last: page,
    };
    // partOf embeds the collection's description (model 5.2, example 43) so a page read alone still says what it is part of.
    const pageHead = { id: page, type: 'AnnotationPage', partOf: { id, label, total }, startIndex: 0 };
    const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
    const pageJson = JSON.stringify(pageHead, null, 2).replace(/\n}$/, '').replace(/\n/g, '\n  ');
    return `${headJson},\n  "first": ${pageJson},\n    "items": [`;
  },
  /** `first` says whether an item was already written (for the comma). */
  article(a: ExportArticle, first: boolean): string {
    return a.annotations
      .map(
        (n, i) =>
          `${first && i === 0 ? '' : ','}\n      ${JSON.stringify(toW3cAnnotation(a, n, false), null, 2).replace(/\n/g, '\n      ')}`,
      )
      .join('');
  },
  end(): string {
    return '\n    ]\n  }\n}\n';
  },
};

/** JSON Lines: one complete annotation (with its own @context) per line. */
export function w3cJsonLines(a: ExportArticle): string {
  return a.annotations.map((n) => `${JSON.stringify(toW3cAnnotation(a, n, true))}\n`).join('');
}
