import type { Annotation } from '../../contract';
import type { ExportArticle, ExportBlock } from './export-article';
import { longDate, shortCitation } from './export-article';
import { markSegments } from './inline-marks';
import { highlightHex } from './highlight-hex';
import type { VerdictContext } from './verdict-report';
import { postByline, ratingLabel, verdictHtml } from './verdict-report';
import { escapeHtml } from '../../../src-shared/html';
import { noteHtml } from '../../../src-shared/note-markdown';

export type HtmlContext = VerdictContext & {
  title: string;
  generatedAt: string;
  /** Formatted reference per article id, as HTML from the CSL processor (which escapes the data). */
  references: Map<string, string>;
  includeText: boolean;
  /** A story's comparison matrix as HTML, from the compare feature's renderer (which escapes its cells). */
  comparison?: string;
};

export { escapeHtml };

export { highlightHex };

/** Print-ready styles, inline so the file is self-contained: no fonts, images or scripts are fetched. */
const CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #1a1a1a; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8em; margin: 0 0 .2em; } h2 { font-size: 1.35em; margin: 2em 0 .3em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin: 1.4em 0 .4em; text-transform: uppercase; letter-spacing: .04em; color: #555; }
.summary, .meta, .details, .ref { color: #444; font-size: .92em; }
.toc li { margin: .15em 0; }
blockquote { margin: .8em 0 .3em; padding: .4em .8em; border-left: 4px solid #999; }
blockquote p { margin: 0; white-space: pre-wrap; }
.note { margin: .3em 0 .2em 1.2em; } .note > :first-child { margin-top: 0; } .note > :last-child { margin-bottom: 0; }
.note pre, .note code { font: .9em ui-monospace, monospace; white-space: pre-wrap; }
.details { margin: 0 0 1em 1.2em; }
.tag { display: inline-block; padding: 0 .35em; border: 1px solid #bbb; border-radius: 3px; font-family: system-ui, sans-serif; font-size: .85em; margin-right: .25em; }
.status-drifted, .status-orphaned { color: #9a3b00; font-weight: bold; }
.text p { margin: 0 0 .7em; }
.text mark { color: inherit; padding: 0 .05em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.note-ref { font-size: .7em; } .note-ref a { text-decoration: none; }
.num { color: #555; font-family: system-ui, sans-serif; font-size: .85em; }
.post { margin: .8em 0; padding: .5em .8em; border: 1px solid #bbb; border-radius: 6px; }
.post blockquote { margin: 0; padding: 0; border: 0; } .post figcaption { color: #444; font-size: .9em; margin-top: .3em; }
.verdict { margin: .3em 0 .6em 1.2em; padding: .3em .6em; border-left: 3px solid #555; font-size: .95em; }
.verdict p { margin: .15em 0; } .verdict__rationale { white-space: pre-wrap; }
.verdicts td, .verdicts th { border: 1px solid #bbb; padding: .2em .4em; vertical-align: top; text-align: left; } .verdicts table { border-collapse: collapse; }
.references li { margin: .3em 0; padding-left: 2em; text-indent: -2em; list-style: none; }
.comparison table { border-collapse: collapse; font-size: .85em; } .comparison td, .comparison th { border: 1px solid #bbb; padding: .2em .4em; vertical-align: top; }
[dir=rtl] { text-align: right; }
@media print {
  body { margin: 0; max-width: none; }
  .article { break-before: page; } .article:first-of-type { break-before: auto; }
  blockquote, .note { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  blockquote, .tag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { margin: 2cm 2cm 2.2cm; }
`;

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const dirOf = (s: string) => (RTL.test(s.slice(0, 200)) ? ' dir="rtl"' : '');
const safeUrl = (u: string) => (/^https?:\/\//i.test(u) ? escapeHtml(u) : null);

function annotationHtml(a: ExportArticle, n: Annotation, number: number, ctx: HtmlContext): string {
  const status = n.anchor.status === 'ok' ? '' : ` · <span class="status-${n.anchor.status}">anchor ${n.anchor.status}</span>`;
  const tags = n.tags.map((t) => `<span class="tag">#${escapeHtml(t)}</span>`).join('');
  return `<div class="annotation" id="a-${n.id}">
<blockquote style="background:${highlightHex[n.color]};border-left-color:${highlightHex[n.color]}"${dirOf(n.quote.exact)}><p>${escapeHtml(n.quote.exact.trim())}</p></blockquote>
<div class="details"><span class="num">[${number}]</span> — <a href="#art-${a.id}">${escapeHtml(shortCitation(a))}</a> · ${escapeHtml(n.color)}${status} · noted ${escapeHtml(n.createdAt.slice(0, 10))}${tags ? ` · ${tags}` : ''}</div>
${n.note.trim() ? `<div class="note"${dirOf(n.note)}>${noteHtml(n.note.trim())}</div>` : ''}
${verdictHtml(n, ctx)}
</div>`;
}

/** One block of the article's text, its highlights marked inline, each followed by a link to its note. */
function blockHtml(a: ExportArticle, b: ExportBlock, numbers: Map<string, number>): string {
  const inner = markSegments(a.body, b.start, b.end, a.annotations)
    .map((seg) => {
      const top = seg.covering.at(-1);
      const text = escapeHtml(seg.text);
      const marked = top ? `<mark style="background:${highlightHex[top.color]}" data-annotation="${top.id}">${text}</mark>` : text;
      const refs = seg.ending.map((n) => `<sup class="note-ref"><a href="#a-${n.id}" aria-label="annotation ${numbers.get(n.id)}">[${numbers.get(n.id)}]</a></sup>`);
      return marked + refs.join('');
    })
    .join('');
  const dir = dirOf(a.body.slice(b.start, b.end));
  if (b.kind === 'heading') return `<h4${dir}>${inner}</h4>`;
  if (b.kind === 'post' && b.post) {
    const url = b.post.url ? safeUrl(b.post.url) : null;
    const link = url ? ` · <a href="${url}">${url}</a>` : '';
    return `<figure class="post"${dir}><blockquote><p>${inner}</p></blockquote><figcaption>— ${escapeHtml(postByline(b.post))}${link}</figcaption></figure>`;
  }
  return `<p${dir}${b.kind === 'standfirst' ? ' class="standfirst"' : ''}>${inner}</p>`;
}

/** Blocks of a body stored without them (older records): its paragraphs, by the blank lines between them. */
function paragraphBlocks(body: string): ExportBlock[] {
  const out: ExportBlock[] = [];
  let at = 0;
  for (const p of body.split('\n\n')) {
    out.push({ kind: 'paragraph', post: null, start: at, end: at + p.length });
    at += p.length + 2;
  }
  return out;
}

function textHtml(a: ExportArticle): string {
  const numbers = new Map(a.annotations.map((n, i) => [n.id, i + 1]));
  const blocks = a.blocks.length ? a.blocks : paragraphBlocks(a.body);
  return `<h3>Text</h3>\n<div class="text">${blocks.map((b) => blockHtml(a, b, numbers)).join('\n')}</div>`;
}

/** A table of every verdict in the report, before the articles: what a fact-checker reads first. */
function verdictSummary(articles: ExportArticle[], ctx: HtmlContext): string {
  const rows = articles.flatMap((a) =>
    a.annotations
      .filter((n) => n.verdict)
      .map(
        (n) =>
          `<tr><td>${escapeHtml(ratingLabel(n.verdict!, ctx))}</td><td${dirOf(n.verdict!.claim ?? n.quote.exact)}>${escapeHtml((n.verdict!.claim ?? n.quote.exact).trim())}</td><td><a href="#a-${n.id}">${escapeHtml(shortCitation(a))}</a></td></tr>`,
      ),
  );
  if (!rows.length) return '';
  return `<section class="verdicts"><h2>Verdicts (${rows.length})</h2>\n<table><thead><tr><th scope="col">Rating</th><th scope="col">Claim</th><th scope="col">Where</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></section>\n`;
}

export const htmlReport = {
  begin(articles: ExportArticle[], ctx: HtmlContext): string {
    const notes = articles.reduce((n, a) => n + a.annotations.length, 0);
    const toc = articles
      .map((a) => `<li><a href="#art-${a.id}">${escapeHtml(a.title)}</a> — ${escapeHtml(shortCitation(a))} (${a.annotations.length})</li>`)
      .join('\n');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="Parallax">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(ctx.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(ctx.title)}</h1>
<p class="summary">${articles.length} article(s), ${notes} annotation(s). Exported ${escapeHtml(ctx.generatedAt.slice(0, 10))} from Parallax.</p>
<nav><ol class="toc">
${toc}
</ol></nav>
</header>
${verdictSummary(articles, ctx)}${ctx.comparison ? `<section class="comparison"><h2>Comparison</h2>\n${ctx.comparison}\n</section>` : ''}
<main>
`;
  },

  article(a: ExportArticle, ctx: HtmlContext): string {
    const meta = [
      a.outlet ? `<strong>${escapeHtml(a.outlet)}</strong>` : null,
      longDate(a.publishedAt),
      a.author ? escapeHtml(a.author) : null,
      a.dateline ? escapeHtml(a.dateline) : null,
      a.url && safeUrl(a.url) ? `<a href="${safeUrl(a.url)}">${safeUrl(a.url)}</a>` : null,
    ].filter(Boolean);
    const ref = ctx.references.get(a.id);
    const text = ctx.includeText && a.body ? textHtml(a) : '';
    return `<article class="article" id="art-${a.id}">
<h2${dirOf(a.title)}>${escapeHtml(a.title)}</h2>
<p class="meta">${meta.join(' · ')}</p>
${a.tags.length ? `<p class="meta">${a.tags.map((t) => `<span class="tag">#${escapeHtml(t)}</span>`).join('')}</p>` : ''}
${ref ? `<p class="ref">${ref}</p>` : ''}
<h3>Annotations (${a.annotations.length})</h3>
${a.annotations.length ? a.annotations.map((n, i) => annotationHtml(a, n, i + 1, ctx)).join('\n') : '<p class="details">No annotations.</p>'}
${text}
</article>
`;
  },

  end(articles: ExportArticle[], ctx: HtmlContext): string {
    const refs = articles
      .map((a) => ctx.references.get(a.id))
      .filter((r): r is string => !!r)
      .sort((x, y) => x.replace(/<[^>]+>/g, '').localeCompare(y.replace(/<[^>]+>/g, '')));
    const list = refs.length
      ? `<section class="references"><h2>References</h2>\n<ul>\n${refs.map((r) => `<li>${r}</li>`).join('\n')}\n</ul></section>\n`
      : '';
    return `</main>\n${list}</body>\n</html>\n`;
  },
};
