import type { Annotation } from '../../contract';
import type { ExportArticle } from './export-article';
import { longDate, obsidianTag, shortCitation } from './export-article';
import { escapeInline, escapeMarkdown, frontMatter, inertMarkdown, markdownDestination } from './markdown-safety';
import type { VerdictContext } from './verdict-report';
import { postByline, verdictMarkdown } from './verdict-report';

/** What every Markdown piece needs besides the article: formatted references, file names, the time of export. */
export type MarkdownContext = VerdictContext & {
  /** Title of the export (the scope in words), e.g. "Tag claim/quote". */
  title: string;
  generatedAt: string;
  /** Formatted reference per article id (APA or Chicago, from the CSL processor), already Markdown. */
  references: Map<string, string>;
  includeText: boolean;
  /** per-article: the file name (without .md) of each article, for [[wikilinks]]; combined: empty. */
  fileNames: Map<string, string>;
  /** per-article: where the bundle carries an article's original (originals/<name>.pdf|.html); combined: none. */
  originals?: Map<string, string>;
  /** A story's comparison table, already rendered as Markdown by the compare feature. */
  comparison?: string;
};

/**
 * Text inside [[link|text]], and the short labels around such links: the characters that end or split a
 * wikilink are dropped, and so are those that could start HTML, code or an escape (`< > \` and backtick),
 * so a viewer that does not know wikilinks and renders the brackets as plain Markdown shows only text.
 */
const linkText = (s: string) =>
  s
    .replace(/[[\]|#^<>\\`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function articleLink(a: ExportArticle, ctx: MarkdownContext): string {
  const label = linkText(shortCitation(a));
  const file = ctx.fileNames.get(a.id);
  return file ? `[[${file}|${label}]]` : `[[#${linkText(a.title)}|${label}]]`;
}

const tagList = (tags: string[]) =>
  tags
    .map(obsidianTag)
    .filter(Boolean)
    .map((t) => `#${t}`)
    .join(' ');

/** One annotation: the passage as a block quote (with an Obsidian block id), its citation, then note and details. */
export function annotationMarkdown(a: ExportArticle, n: Annotation, ctx: MarkdownContext): string {
  const quote = escapeMarkdown(n.quote.exact.trim())
    .split('\n')
    .map((l) => `> ${l}`.trimEnd())
    .join('\n');
  // The block id goes on the quote's last line, so Obsidian can link to this passage: [[file#^id]].
  const lines = [quote, '>', `> — ${articleLink(a, ctx)} ^${n.id}`, ''];
  if (n.note.trim()) lines.push(inertMarkdown(n.note.trim()), '');
  lines.push(...verdictMarkdown(n, ctx));
  const details = [
    n.tags.length ? `Tags: ${tagList(n.tags)}` : null,
    `Colour: ${n.color}`,
    n.anchor.status === 'ok' ? null : `Anchor: ${n.anchor.status}`,
    `Noted ${n.createdAt.slice(0, 10)}`,
  ].filter(Boolean);
  lines.push(`*${details.join(' · ')}*`, '');
  return lines.join('\n');
}

function metaLine(a: ExportArticle): string {
  const parts = [
    a.outlet ? `**${escapeInline(a.outlet)}**` : null,
    longDate(a.publishedAt),
    a.author ? escapeInline(a.author) : null,
    a.dateline ? escapeInline(a.dateline) : null,
    markdownDestination(a.url) ? `[source](${markdownDestination(a.url)})` : null,
  ].filter(Boolean);
  return parts.join(' · ');
}

/** The clean text, paragraph by paragraph; an embedded post as a quote that says who posted it. */
function textMarkdown(a: ExportArticle): string[] {
  if (!a.blocks.length) return a.body.split('\n\n').map((p) => `${escapeMarkdown(p)}\n`);
  return a.blocks.map((b) => {
    const text = escapeMarkdown(a.body.slice(b.start, b.end));
    if (b.kind !== 'post' || !b.post) return `${text}\n`;
    const link = markdownDestination(b.post.url);
    const quoted = text
      .split('\n')
      .map((l) => `> ${l}`.trimEnd())
      .join('\n');
    return `${quoted}\n>\n> — ${escapeInline(postByline(b.post))}${link ? ` ([post](${link}))` : ''}\n`;
  });
}

function articleSections(a: ExportArticle, ctx: MarkdownContext, level: '#' | '##'): string {
  const sub = `${level}#`;
  const out = [`${level} ${escapeInline(a.title)}`, ''];
  const meta = metaLine(a);
  if (meta) out.push(meta, '');
  if (a.tags.length) out.push(`Tags: ${tagList(a.tags)}`, '');
  const ref = ctx.references.get(a.id);
  if (ref) out.push(`Reference: ${ref}`, '');
  const original = ctx.originals?.get(a.id);
  if (original && a.snapshot)
    out.push(`Original: [${original.endsWith('.pdf') ? 'PDF' : 'page'} as collected](${original}) (fetched ${a.snapshot.fetchedAt.slice(0, 10)})`, '');
  out.push(`${sub} Annotations (${a.annotations.length})`, '');
  if (!a.annotations.length) out.push('*No annotations.*', '');
  for (const n of a.annotations) out.push(annotationMarkdown(a, n, ctx));
  if (ctx.includeText && a.body) {
    out.push(`${sub} Text`, '');
    out.push(...textMarkdown(a));
  }
  return out.join('\n');
}

/** One article's own file (per-article layout): front matter for Obsidian's properties, then its notes. */
export function articleFile(a: ExportArticle, ctx: MarkdownContext, indexName: string): string {
  const fm = frontMatter({
    title: a.title,
    outlet: a.outlet,
    date: a.publishedAt,
    url: a.url,
    author: a.author,
    language: a.language,
    tags: a.tags.map(obsidianTag).filter(Boolean),
    parallax_id: a.id,
    annotations: a.annotations.length,
    original: ctx.originals?.get(a.id) ?? null,
  });
  return `${fm}\n${articleSections(a, ctx, '#')}\nBack to [[${indexName}|${linkText(ctx.title)}]]\n`;
}

function referencesSection(articles: ExportArticle[], ctx: MarkdownContext): string {
  const refs = articles.map((a) => ctx.references.get(a.id)).filter((r): r is string => !!r);
  if (!refs.length) return '';
  const sorted = [...refs].sort((x, y) => x.replace(/[*\\]/g, '').localeCompare(y.replace(/[*\\]/g, '')));
  return `## References\n\n${sorted.map((r) => `- ${r}`).join('\n')}\n`;
}

function header(articles: ExportArticle[], ctx: MarkdownContext): string {
  const notes = articles.reduce((n, a) => n + a.annotations.length, 0);
  const tags = [...new Set(articles.flatMap((a) => [...a.tags, ...a.annotations.flatMap((n) => n.tags)]).map(obsidianTag))].filter(Boolean);
  const fm = frontMatter({ title: ctx.title, exported: ctx.generatedAt, articles: articles.length, annotations: notes, tags: tags.sort() });
  return `${fm}\n# ${escapeInline(ctx.title)}\n\n*${articles.length} article(s), ${notes} annotation(s), exported ${ctx.generatedAt.slice(0, 10)} from Parallax.*\n`;
}

function comparisonSection(ctx: MarkdownContext): string {
  return ctx.comparison ? `## Comparison\n\n${inertMarkdown(ctx.comparison.trim())}\n` : '';
}

/** The index of a per-article export: links to every article file, the comparison, the references. */
export function indexFile(articles: ExportArticle[], ctx: MarkdownContext): string {
  const list = articles.map(
    (a) =>
      `- [[${ctx.fileNames.get(a.id)}|${linkText(a.title)}]] — ${escapeInline(shortCitation(a))} (${a.annotations.length} annotation(s))`,
  );
  const tail = [comparisonSection(ctx), referencesSection(articles, ctx)].filter(Boolean);
  return `${[header(articles, ctx), '## Articles\n', ...list].join('\n')}\n${tail.map((t) => `\n${t}`).join('')}`;
}

/** The combined layout in pieces, so a large export can be written article by article. */
export const combinedMarkdown = {
  begin(articles: ExportArticle[], ctx: MarkdownContext): string {
    const toc = articles.map((a) => `- [[#${linkText(a.title)}]] — ${escapeInline(shortCitation(a))}`);
    return [header(articles, ctx), '## Contents\n', ...toc, comparisonSection(ctx) ? `\n${comparisonSection(ctx)}` : ''].join('\n');
  },
  article(a: ExportArticle, ctx: MarkdownContext): string {
    return `\n${articleSections(a, ctx, '##')}`;
  },
  end(articles: ExportArticle[], ctx: MarkdownContext): string {
    const refs = referencesSection(articles, ctx);
    return refs ? `\n${refs}` : '';
  },
};
