import type { ArticleMeta, MetaField, MetaKey } from '../../../contract';
import type { Analysis } from '../../../core/article/analyse-article';
import { analyseArticle } from '../../../core/article/analyse-article';
import type { ArticleFormat } from '../../../core/article/article-record';
import { extractPdfArticle } from '../../../core/pdf/pdf-article';
import { extractHtmlArticle, prepareHtml } from './html-article';
import { extractMarkdownArticle } from './markdown-article';

export { formatOfFile, importableArticleExtensions } from './article-formats';

/** Page or front-matter metadata wins over text cues when it is at least as sure. */
function mergeMeta(meta: ArticleMeta, found: Partial<Record<MetaKey, MetaField>>): ArticleMeta {
  const out = { ...meta };
  for (const [k, f] of Object.entries(found) as Array<[MetaKey, MetaField]>) {
    if (f.value && (out[k].value === null || f.confidence >= out[k].confidence)) out[k] = f;
  }
  return out;
}

/**
 * Analyse an article's stored raw source according to its format. HTML raw is already sanitised when stored
 * (prepareRaw); it is parsed again here, so improving extraction improves re-analysis of old imports.
 */
export function analyseSource(format: ArticleFormat, raw: string, file: string | null = null): { analysis: Analysis; tags: string[] } {
  if (format === 'text') return { analysis: analyseArticle(raw), tags: [] };
  if (format === 'pdf') {
    const pdf = extractPdfArticle(raw);
    const analysis = analyseArticle(pdf.text);
    // Page furniture found from the page layout joins the hidden layer, after what the line rules removed.
    return {
      analysis: {
        ...analysis,
        meta: mergeMeta(analysis.meta, pdf.meta),
        blocks: [...analysis.blocks, ...pdf.hidden],
        boilerplate: [...analysis.boilerplate, ...pdf.hidden.map((b) => b.text)],
      },
      tags: [],
    };
  }
  const extracted =
    format === 'html'
      ? { ...extractHtmlArticle(raw, file ?? 'the page'), tags: [] }
      : { ...extractMarkdownArticle(raw), furniture: undefined };
  const analysis = analyseArticle(extracted.text, { furniture: extracted.furniture, wholePage: format !== 'html' });
  return { analysis: { ...analysis, meta: mergeMeta(analysis.meta, extracted.meta) }, tags: extracted.tags };
}

/** What is stored as the article's raw source: HTML is sanitised first, so nothing harmful is ever kept. */
export function prepareRaw(format: ArticleFormat, text: string): string {
  return format === 'html' ? prepareHtml(text) : text;
}
