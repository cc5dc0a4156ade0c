import type { ArticleFormat } from '../../../core/article/article-record';

// Kept apart from the analysis (analyse-source.ts): walking folders and naming formats must not load the
// analysers (chrono-node alone is ~300 files), which a command such as `parallax list` never needs.
const EXTENSIONS: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.pdf': 'pdf',
};

/** The format of a file by its extension; unknown extensions are read as text (a file named explicitly). */
export function formatOfFile(file: string | null): ArticleFormat {
  const ext = file?.match(/\.[^./\\]+$/)?.[0]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || 'text';
}

export const importableArticleExtensions = Object.keys(EXTENSIONS);
