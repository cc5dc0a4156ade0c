import type { Annotation, EmbeddedPost, Rating, Verdict } from '../../contract';
import { escapeHtml } from '../../../src-shared/html';
import type { SourceArticle } from './claim-review';
import { escapeInline, escapeMarkdown, markdownDestination } from './markdown-safety';
import { findRating } from '../verdicts/ratings';
import { longDate } from './export-article';

/** What the reports need to write a verdict: rating labels, and the names of source articles. */
export type VerdictContext = {
  ratings?: readonly Rating[];
  sourceArticle?: (id: string) => SourceArticle | undefined;
  /** Articles in this report: a source among them links to its section. */
  inReport?: ReadonlySet<string>;
};

export const ratingLabel = (v: Verdict, ctx: VerdictContext) => (ctx.ratings && findRating(ctx.ratings, v.rating)?.label) ?? v.rating;

const httpUrl = (u: string | null | undefined) => (u && /^https?:\/\//i.test(u) ? u : null);

function sourceHtml(s: Verdict['sources'][number], ctx: VerdictContext): string {
  if (s.kind === 'link') {
    const url = escapeHtml(s.url);
    return `<a href="${url}">${escapeHtml(s.title || s.url)}</a>`;
  }
  const a = ctx.sourceArticle?.(s.articleId);
  const name = escapeHtml(a ? `${a.title}${a.outlet ? ` (${a.outlet})` : ''}` : `article ${s.articleId}`);
  if (ctx.inReport?.has(s.articleId)) return `<a href="#art-${s.articleId}">${name}</a>`;
  const url = httpUrl(a?.url);
  return url ? `<a href="${escapeHtml(url)}">${name}</a>` : name;
}

/** A verdict under its passage in the HTML (and PDF) report. */
export function verdictHtml(n: Annotation, ctx: VerdictContext): string {
  const v = n.verdict;
  if (!v) return '';
  const claim = v.claim ? `<p class="verdict__claim">Claim: ${escapeHtml(v.claim)}</p>` : '';
  const rationale = v.rationale ? `<p class="verdict__rationale">${escapeHtml(v.rationale)}</p>` : '';
  const sources = v.sources.length ? `<p class="verdict__sources">Sources: ${v.sources.map((s) => sourceHtml(s, ctx)).join('; ')}</p>` : '';
  return `<div class="verdict" data-rating="${escapeHtml(v.rating)}"><p><strong class="verdict__rating">Verdict: ${escapeHtml(ratingLabel(v, ctx))}</strong> · decided ${escapeHtml(v.decidedAt.slice(0, 10))}</p>${claim}${rationale}${sources}</div>`;
}

function sourceMarkdown(s: Verdict['sources'][number], ctx: VerdictContext): string {
  if (s.kind === 'link') return `[${escapeInline(s.title || s.url)}](${markdownDestination(s.url)})`;
  const a = ctx.sourceArticle?.(s.articleId);
  const name = escapeInline(a ? `${a.title}${a.outlet ? ` (${a.outlet})` : ''}` : `article ${s.articleId}`);
  const url = markdownDestination(a?.url);
  return url ? `[${name}](${url})` : name;
}

/** A verdict under its passage in the Markdown report. */
export function verdictMarkdown(n: Annotation, ctx: VerdictContext): string[] {
  const v = n.verdict;
  if (!v) return [];
  const out = [`**Verdict: ${escapeInline(ratingLabel(v, ctx))}** (decided ${v.decidedAt.slice(0, 10)})`, ''];
  if (v.claim) out.push(`Claim: ${escapeInline(v.claim)}`, '');
  if (v.rationale) out.push(escapeMarkdown(v.rationale), '');
  if (v.sources.length) out.push(`Sources: ${v.sources.map((s) => sourceMarkdown(s, ctx)).join('; ')}`, '');
  return out;
}

/** Who posted an embedded post, as its caption reads: "Display Name (@handle), 12 October 2025". */
export function postByline(post: EmbeddedPost): string {
  const who = [post.author, post.handle ? `@${post.handle}` : null].filter(Boolean);
  const name = who.length === 2 ? `${who[0]} (${who[1]})` : (who[0] ?? 'Unknown author');
  const when = post.date ? (longDate(post.date.slice(0, 10)) ?? post.date) : null;
  return when ? `${name}, ${when}` : name;
}
