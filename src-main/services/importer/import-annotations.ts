import type { Annotation, ImportReport } from '../../contract';
import { Annotation as AnnotationSchema, isAppError } from '../../contract';
import type { IncomingAnnotation } from '../../core/export/w3c-import';
import { locateQuote, parseW3cDocument, utf16ToCodePoint } from '../../core/export/w3c-import';
import type { NotebookStore } from '../store/notebook-store';

type Counts = NonNullable<ImportReport['annotations']>;
const URN = /^urn:parallax:article:([a-z0-9]{8,32})$/;

/** Keep the anchor the file recorded when it still fits this article's text; otherwise find the quote again. */
function anchorFor(body: string, n: IncomingAnnotation): Annotation['anchor'] {
  const a = n.anchor;
  if (a?.status === 'orphaned' && locateQuote(body, n.quote, n.position).status === 'orphaned') return a;
  if (a && a.start !== null && a.end !== null && body.slice(a.start, a.end) === n.quote.exact) return a;
  return locateQuote(body, n.quote, n.position);
}

function toAnnotation(n: IncomingAnnotation, articleId: string, body: string, now: string): Annotation {
  const anchor = anchorFor(body, n);
  const position =
    n.position ??
    (anchor.start !== null && anchor.end !== null
      ? { start: utf16ToCodePoint(body, anchor.start), end: utf16ToCodePoint(body, anchor.end) }
      : { start: 0, end: [...n.quote.exact].length });
  const createdAt = n.createdAt ?? now;
  return AnnotationSchema.parse({
    id: n.id,
    articleId,
    createdAt,
    updatedAt: n.updatedAt ?? createdAt,
    color: n.color,
    note: n.note,
    tags: [...new Set(n.tags)],
    quote: n.quote,
    position,
    anchor,
  });
}

const same = (a: Annotation, b: Annotation) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Import a W3C Web Annotation file into the articles it targets: by the Parallax article id it carries, else
 * by its source (urn:parallax:article:… or the article's URL). A file that is not valid Web Annotation
 * JSON-LD is refused whole; annotations whose article is not in this notebook are reported, the rest saved.
 * An annotation already present is replaced only by a newer version of itself, so importing twice changes nothing.
 */
export async function importW3cFile(store: NotebookStore, text: string, file: string, report: ImportReport): Promise<void> {
  let incoming: IncomingAnnotation[];
  try {
    incoming = parseW3cDocument(text, file);
  } catch (e) {
    report.errors.push({ file, code: isAppError(e) ? e.code : 'BAD_INPUT', message: (e as Error).message });
    return;
  }
  let byUrl: Map<string, string> | null = null;
  const articleOf = (n: IncomingAnnotation): string | null => {
    for (const iri of [n.parallaxArticle, n.source]) {
      const id = iri?.match(URN)?.[1];
      if (id && store.entry(id)) return id;
    }
    byUrl ??= new Map([...store.entries()].filter((e) => e.url).map((e) => [e.url!, e.id]));
    return byUrl.get(n.source) ?? null;
  };
  const groups = new Map<string, IncomingAnnotation[]>();
  const missing: IncomingAnnotation[] = [];
  for (const n of incoming) {
    const id = articleOf(n);
    if (id) groups.set(id, [...(groups.get(id) ?? []), n]);
    else missing.push(n);
  }
  if (missing.length) {
    report.errors.push({
      file,
      code: 'NOT_FOUND',
      message: `${missing.length} annotation(s) in ${file} target articles that are not in this notebook (first: ${missing[0]!.source}); import those articles first`,
    });
  }
  const counts: Counts = report.annotations ?? { added: 0, updated: 0, unchanged: 0 };
  const now = new Date().toISOString();
  for (const [articleId, list] of groups) {
    // Validate everything before writing, so a bad annotation leaves its article untouched.
    const record = await store.readArticle(articleId);
    let prepared: Annotation[];
    try {
      prepared = list.map((n) => toAnnotation(n, articleId, record.analysis.body, now));
    } catch (e) {
      report.errors.push({
        file,
        code: 'BAD_INPUT',
        message: `${file}: an annotation on article ${articleId} is invalid: ${(e as Error).message.slice(0, 200)}`,
      });
      continue;
    }
    const delta: Counts = { added: 0, updated: 0, unchanged: 0 };
    const current = new Map(record.annotations.map((a) => [a.id, a]));
    if (prepared.every((a) => current.has(a.id) && (same(current.get(a.id)!, a) || current.get(a.id)!.updatedAt > a.updatedAt))) {
      counts.unchanged += prepared.length; // nothing new: leave the article's file alone
      continue;
    }
    await store.updateArticle(articleId, (r) => {
      for (const a of prepared) {
        const i = r.annotations.findIndex((x) => x.id === a.id);
        if (i < 0) {
          r.annotations.push(a);
          delta.added++;
        } else if (same(r.annotations[i]!, a) || r.annotations[i]!.updatedAt > a.updatedAt) delta.unchanged++;
        else {
          r.annotations[i] = a;
          delta.updated++;
        }
      }
    });
    counts.added += delta.added;
    counts.updated += delta.updated;
    counts.unchanged += delta.unchanged;
  }
  report.annotations = counts;
}
