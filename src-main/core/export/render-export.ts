import type { ExportFormat, ExportOptions, Rating } from '../../contract';
import type { SourceArticle } from './claim-review';
import { claimReviewExport, requirePageUrl } from './claim-review';
import { bibtex, cslJson, formatReferences, ris } from './citations';
import { annotationsCsv } from './csv';
import type { ExportArticle } from './export-article';
import { annotationCount } from './export-article';
import { articleBaseName, extensionOf, uniqueNamer } from './file-names';
import { htmlReport } from './html-report';
import type { MarkdownContext } from './markdown';
import { articleFile, combinedMarkdown, indexFile } from './markdown';
import type { ResolvedStory } from './scope';
import { w3cCollection, w3cJsonLines } from './w3c-export';

/**
 * citeproc formats about 600 references a second here; past this many articles the Markdown and HTML exports
 * leave formatted references out (CSL-JSON, BibTeX and RIS have no limit) rather than stall for minutes.
 */
export const MAX_FORMATTED_REFERENCES = 5000;

const references = (articles: ExportArticle[], s: RenderSettings, format: 'markdown' | 'html') =>
  articles.length > MAX_FORMATTED_REFERENCES ? new Map<string, string>() : formatReferences(articles, s.citationStyle, format);

/** The formats rendered here, as text; pdf (from the HTML) and backup (the notebook folder) are made by services. */
export type TextFormat = Exclude<ExportFormat, 'pdf' | 'backup'>;

export type RenderSettings = ExportOptions & {
  title: string;
  generatedAt: string;
  /** IRI of the W3C collection. */
  collectionId: string;
  comparison?: ResolvedStory['comparison'];
  /** The notebook's verdict ratings (their labels in reports, their scale in ClaimReview). */
  ratings?: readonly Rating[];
  /** A verdict's source article by id, which need not be among the exported ones. */
  sourceArticle?: (id: string) => SourceArticle | undefined;
};

/** A piece of output; `article` marks the piece that finished one article, for progress reports. */
export type Piece = { text: string; article?: true };
/**
 * One output file, produced piece by piece so a large export is written as it is made. A file with
 * `original` is an article's kept original (a PDF, a saved page), copied by the writer from the notebook:
 * its pieces are empty, the bytes are not text.
 */
export type RenderedFile = { name: string; pieces: () => Generator<Piece>; original?: { articleId: string } };

/** The folder of a Markdown bundle (per-article layout) that holds the articles' originals. */
export const ORIGINALS_FOLDER = 'originals';

function* framed(begin: string, articles: ExportArticle[], each: (a: ExportArticle, i: number) => string, end: string): Generator<Piece> {
  yield { text: begin };
  for (const [i, a] of articles.entries()) yield { text: each(a, i), article: true };
  yield { text: end };
}

/**
 * Render an export of `articles` (already scoped and sorted) as one or more files. `baseName` is the file
 * name without extension for single-file formats; per-article Markdown names its files after the articles
 * and adds `<baseName>.md` as the index.
 */
export function renderExport(format: TextFormat, articles: ExportArticle[], s: RenderSettings, baseName: string): RenderedFile[] {
  const single = (pieces: () => Generator<Piece>): RenderedFile[] => [
    { name: `${baseName}${format === 'w3c' && s.jsonLines ? '.jsonl' : extensionOf[format]}`, pieces },
  ];
  const verdictContext = { ratings: s.ratings, sourceArticle: s.sourceArticle, inReport: new Set(articles.map((a) => a.id)) };
  switch (format) {
    case 'md': {
      const refs = references(articles, s, 'markdown');
      if (s.layout === 'combined') {
        const ctx: MarkdownContext = {
          ...verdictContext,
          title: s.title,
          generatedAt: s.generatedAt,
          references: refs,
          includeText: s.includeText,
          fileNames: new Map(),
          comparison: s.comparison?.markdown,
        };
        return single(() =>
          framed(
            combinedMarkdown.begin(articles, ctx),
            articles,
            (a) => combinedMarkdown.article(a, ctx),
            combinedMarkdown.end(articles, ctx),
          ),
        );
      }
      const namer = uniqueNamer();
      const indexName = namer(baseName, '.md');
      const fileNames = new Map(articles.map((a) => [a.id, namer(articleBaseName(a), '.md').replace(/\.md$/, '')]));
      // Each original sits beside its article's notes, under the same name: what a bundle of pages and
      // PDFs is for is reading them again later, offline, as they were when collected.
      const originals = new Map(
        articles.flatMap((a) => (a.snapshot ? [[a.id, `${ORIGINALS_FOLDER}/${fileNames.get(a.id)!}.${a.snapshot.kind}`] as const] : [])),
      );
      const ctx: MarkdownContext = {
        ...verdictContext,
        title: s.title,
        generatedAt: s.generatedAt,
        references: refs,
        includeText: s.includeText,
        fileNames,
        originals,
        comparison: s.comparison?.markdown,
      };
      const index = indexName.replace(/\.md$/, '');
      return [
        {
          name: indexName,
          pieces: function* () {
            yield { text: indexFile(articles, ctx) };
          },
        },
        ...articles.map((a) => ({
          name: `${fileNames.get(a.id)!}.md`,
          pieces: function* (): Generator<Piece> {
            yield { text: articleFile(a, ctx, index), article: true };
          },
        })),
        ...[...originals].map(([articleId, name]) => ({ name, pieces: function* (): Generator<Piece> {}, original: { articleId } })),
      ];
    }
    case 'html': {
      const ctx = {
        ...verdictContext,
        title: s.title,
        generatedAt: s.generatedAt,
        references: references(articles, s, 'html'),
        includeText: s.includeText,
        comparison: s.comparison?.html,
      };
      return single(() =>
        framed(htmlReport.begin(articles, ctx), articles, (a) => htmlReport.article(a, ctx), htmlReport.end(articles, ctx)),
      );
    }
    case 'csv':
      return single(() => framed(annotationsCsv.begin(s.bom), articles, (a) => annotationsCsv.article(a), ''));
    case 'w3c': {
      if (s.jsonLines) return single(() => framed('', articles, (a) => w3cJsonLines(a), ''));
      let written = 0;
      return single(() =>
        framed(
          w3cCollection.begin(annotationCount(articles), s.title, s.collectionId, s.generatedAt),
          articles,
          (a) => {
            const text = w3cCollection.article(a, written === 0);
            written += a.annotations.length;
            return text;
          },
          w3cCollection.end(),
        ),
      );
    }
    case 'csl':
      return single(function* () {
        yield { text: cslJson(articles) };
      });
    case 'bibtex':
      return single(function* () {
        yield { text: bibtex(articles) };
      });
    case 'ris':
      return single(function* () {
        yield { text: ris(articles) };
      });
    case 'claimreview': {
      const cs = {
        ratings: s.ratings ?? [],
        pageUrl: s.claimReview?.pageUrl,
        authorName: s.claimReview?.authorName,
        authorUrl: s.claimReview?.authorUrl,
        sourceArticle: s.sourceArticle ?? (() => undefined),
      };
      // Checked now, not when the file is written piece by piece: a refusal is an answer, not a broken stream.
      requirePageUrl(cs.pageUrl);
      let first = true;
      return single(() =>
        framed(
          claimReviewExport.begin(cs),
          articles,
          (a) => {
            const text = claimReviewExport.article(a, cs, first);
            if (text) first = false;
            return text;
          },
          claimReviewExport.end(),
        ),
      );
    }
  }
}

/** Render every piece of every file into strings: for small exports and tests. */
export function renderToStrings(files: RenderedFile[]): Map<string, string> {
  return new Map(files.map((f) => [f.name, [...f.pieces()].map((p) => p.text).join('')]));
}
