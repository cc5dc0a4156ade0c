import type { AnchorCounts, Emit, Handlers, ParsedInput, ReplaceTextResult } from '../contract';
import { AppError, clip, clipPath } from '../contract/errors';
import type { ArticleFormat } from '../core/article/article-record';
import { setAnalysis, toDetail } from '../core/article/article-record';
import { countAnchors } from '../core/anchoring/anchor';
import { formatOfFile } from './importer/formats/article-formats';
import { loadAnalysis } from './importer/load-analysis';
import { MAX_FILE_BYTES, bytesToText, checkArticleText } from './importer/read-import-file';
import type { NotebookStore } from './store/notebook-store';

type ReplaceTextHandlers = Pick<Handlers, 'articles.replaceText'>;
type Input = ParsedInput<'articles.replaceText'>;

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL.
// eslint-disable-next-line no-control-regex -- finding control characters needs them in the pattern
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * A typed or decoded text passes what the importer asks of a file: no NUL (the importer's sign of binary
 * data), not mostly control characters (a binary file pasted as text), within 20 MB and 50,000 lines, not empty.
 */
function checkTypedText(text: string, label: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    throw new AppError(
      'TOO_LARGE',
      `${clipPath(label)} is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`,
    );
  }
  if (text.includes('\u0000'))
    throw new AppError('BINARY_FILE', `${clipPath(label)} contains NUL characters: it looks like binary data, not text`);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls * 100 > text.length) {
    throw new AppError('BINARY_FILE', `${clipPath(label)} is mostly control characters (${controls}): it looks like binary data, not text`);
  }
  checkArticleText(text, label);
}

function newText(input: Input): { text: string; encoding: string | null; label: string } {
  const label = input.source === 'edit' ? 'the edited text' : (input.file ?? 'the re-imported file');
  if (input.contentBase64 !== undefined) {
    // Bytes chosen in the browser: decoded exactly as an import decodes them (BOM, UTF-8, UTF-16, Windows-1252).
    return { ...bytesToText(Buffer.from(input.contentBase64, 'base64'), label), label };
  }
  const text = input.raw!;
  checkTypedText(text, label);
  return { text, encoding: input.encoding === undefined ? 'utf-8' : input.encoding, label };
}

/**
 * `articles.replaceText`: an edited body or a re-imported corrected copy. In one read-modify-write of the
 * article's document: the new raw text is analysed as an import would (boilerplate, metadata, fingerprint),
 * and every annotation is re-anchored (ok, drifted or orphaned; never dropped). The user's metadata
 * corrections and tags are kept: they live apart from the analysis. A text that is another article's
 * (same fingerprint) is refused, naming that article; every refusal leaves the document as it was.
 */
export function replaceTextHandlers(store: NotebookStore, emit: Emit): ReplaceTextHandlers {
  return {
    'articles.replaceText': async (input) => {
      const { id, source } = input;
      if (!store.entry(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);
      const decoded = newText(input);
      const { analyseJob } = await loadAnalysis();
      const fileFormat = source === 'reimport' && input.file ? formatOfFile(input.file) : undefined;
      let changed = false;
      let counts: AnchorCounts = { ok: 0, drifted: 0, orphaned: 0 };
      let previous: ReplaceTextResult['previous'] = { format: 'text', file: null, encoding: null };
      const record = await store.updateArticle(id, (r) => {
        previous = { format: r.format ?? 'text', file: r.file, encoding: r.encoding };
        const format: ArticleFormat = input.format ?? fileFormat ?? r.format ?? 'text';
        const file = source === 'reimport' && input.file !== undefined ? input.file : r.file;
        const done = analyseJob({ format, text: decoded.text, file });
        const other = store.findByFingerprint(done.fingerprint);
        if (other && other !== id) {
          const title = store.entry(other)?.title ?? 'another article';
          throw new AppError('CONFLICT', `${clipPath(decoded.label)} is the same as “${clip(title)}” (${other}), already in the notebook`);
        }
        changed = done.raw !== r.raw || format !== (r.format ?? 'text');
        r.raw = done.raw;
        r.format = format;
        if (source === 'reimport') {
          r.file = file;
          r.encoding = decoded.encoding;
        }
        setAnalysis(r, done.analysis, done.fingerprint);
        counts = countAnchors(r.annotations);
      });
      emit('notebook.changed', { ids: [id], reason: source });
      return { id, source, changed, annotations: counts, article: toDetail(record), previous };
    },
  };
}
