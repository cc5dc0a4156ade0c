import type { Annotation, ImportReport } from '../../contract';
import { Annotation as AnnotationSchema, isAppError } from '../../contract';
import type { IncomingAnnotation } from '../../core/export/w3c-import';
import { locateQuote, parseW3cDocument, utf16ToCodePoint } from '../../core/export/w3c-import';
import { looseKey } from '../../../src-shared/fold';
import type { NotebookStore } from '../store/notebook-store';

type Counts = NonNullable<ImportReport['annotations']>;
const URN = /^urn:parallax:article:([a-z0-9]{8,32})$/;

type Match = { id: string; why?: undefined } | { id: null; why: string };

/**
 * Which article of this notebook an incoming annotation belongs to. Ids are per notebook, so a file from
 * another notebook holding the same articles (imported from the same files) names ids this one does not
 * have; its articles are then found by what does not change between notebooks, strongest first:
 *
 * 1. the article id (`parallax:article`, or a `urn:parallax:article:` source), when this notebook has it;
 * 2. the fingerprint of the article's text (`parallax:fingerprint`, the duplicate check's hash);
 * 3. the address (the target's http(s) source), when exactly one article here has it;
 * 4. the title and outlet (`parallax:articleTitle`, `parallax:outlet`; case, accents and punctuation
 *    ignored), when exactly one article here has both, among those with the address if several had it.
 *
 * Anything less certain is not matched, and is reported: an annotation is never attached to a wrong article.
 */
function articleMatcher(store: NotebookStore): (n: IncomingAnnotation) => Match {
  let byUrl: Map<string, string[]> | null = null;
  let byTitle: Map<string, string[]> | null = null;
  const index = () => {
    byUrl = new Map();
    byTitle = new Map();
    for (const e of store.entries()) {
      if (e.url) byUrl.set(e.url, [...(byUrl.get(e.url) ?? []), e.id]);
      const t = looseKey(e.title);
      if (t) byTitle.set(t, [...(byTitle.get(t) ?? []), e.id]);
    }
    return { byUrl, byTitle };
  };
  const seen = new Map<string, Match>();
  const match = (n: IncomingAnnotation): Match => {
    for (const iri of [n.parallaxArticle, n.source]) {
      const id = iri?.match(URN)?.[1];
      if (id && store.entry(id)) return { id };
    }
    if (n.article.fingerprint) {
      const id = store.findByFingerprint(n.article.fingerprint);
      if (id) return { id };
    }
    const { byUrl: urls, byTitle: titles } = byUrl && byTitle ? { byUrl, byTitle } : index();
    const sameAddress = /^https?:\/\//i.test(n.source) ? (urls.get(n.source) ?? []) : [];
    if (sameAddress.length === 1) return { id: sameAddress[0]! };
    const title = n.article.title ? looseKey(n.article.title) : '';
    if (title) {
      const outlet = looseKey(n.article.outlet ?? '');
      const same = (titles.get(title) ?? []).filter(
        (id) => looseKey(store.entry(id)?.outlet ?? '') === outlet && (!sameAddress.length || sameAddress.includes(id)),
      );
      if (same.length === 1) return { id: same[0]! };
      if (same.length > 1) return { id: null, why: `${same.length} articles here have its title and outlet` };
    }
    if (sameAddress.length) return { id: null, why: `${sameAddress.length} articles here have its address` };
    return { id: null, why: 'no article here has its id, fingerprint, address, or title and outlet' };
  };
  return (n) => {
    const key = JSON.stringify([n.parallaxArticle, n.source, n.article]);
    if (!seen.has(key)) seen.set(key, match(n));
    return seen.get(key)!;
  };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "5 annotation(s) … not in this notebook: 3 on “Title” (Outlet, https://…): why; 2 on …" — what and why, bounded. */
function unmatchedMessage(file: string, missing: Array<{ n: IncomingAnnotation; why: string }>): string {
  const groups = new Map<string, { n: IncomingAnnotation; why: string; count: number }>();
  for (const m of missing) {
    const key = JSON.stringify([m.n.parallaxArticle, m.n.source, m.n.article]);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { ...m, count: 1 });
  }
  const shown = [...groups.values()].slice(0, 5).map(({ n, why, count }) => {
    const name = n.article.title ? `“${clip(n.article.title, 80)}”` : clip(n.source, 100);
    const address = n.article.title && /^https?:\/\//i.test(n.source) ? clip(n.source, 100) : null;
    const where = [n.article.outlet && clip(n.article.outlet, 40), address].filter(Boolean).join(', ');
    return `${count} on ${name}${where ? ` (${where})` : ''}: ${why}`;
  });
  const more = groups.size > 5 ? `; and ${groups.size - 5} more article(s)` : '';
  return `${missing.length} annotation(s) in ${file} target articles that are not in this notebook: ${shown.join('; ')}${more}. Import those articles first`;
}

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
 * Import a W3C Web Annotation file into the articles it targets, found as `articleMatcher` says (in this
 * notebook or, from the file's fingerprints, addresses, titles and outlets, in another holding the same
 * articles). A file that is not valid Web Annotation JSON-LD is refused whole; annotations whose article
 * cannot be matched are reported (how many, on which article, and why), the rest saved.
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
  const articleOf = articleMatcher(store);
  const groups = new Map<string, IncomingAnnotation[]>();
  const missing: Array<{ n: IncomingAnnotation; why: string }> = [];
  for (const n of incoming) {
    const m = articleOf(n);
    if (m.id !== null) groups.set(m.id, [...(groups.get(m.id) ?? []), n]);
    else missing.push({ n, why: m.why });
  }
  if (missing.length) report.errors.push({ file, code: 'NOT_FOUND', message: unmatchedMessage(file, missing) });
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
