import type { ArticleMeta, Block } from '../../contract';
import { extractMetadata } from '../metadata/extract-metadata';
import { detectLanguage } from '../text/language';
import { countWords, normaliseStoredText } from '../text/normalise-text';
import { classifyLines } from './classify-lines';
import { toSourceLines } from './source-lines';

/** Bumped whenever the analyser changes, so stored articles know they can be re-analysed. */
export const ANALYSIS_VERSION = 1;

/** Blank line between blocks of the clean text; annotation offsets count it. */
export const BLOCK_SEPARATOR = '\n\n';

export type Analysis = {
  version: number;
  blocks: Block[];
  /** The clean text: every non-boilerplate, non-meta block, in order. */
  body: string;
  /** The removed lines, in order, for `show` and for re-analysis reports. */
  boilerplate: string[];
  meta: ArticleMeta;
  wordCount: number;
};

const inBody = (b: Pick<Block, 'kind'>) => b.kind !== 'boilerplate' && b.kind !== 'meta';

/** Only tag a block with its own language when its script or letters say it differs from the article's. */
function blockLanguage(text: string, articleLang: string | null): string | null {
  // eslint-disable-next-line no-control-regex -- the Latin range starts at U+0000
  if (!/[^\u0000-\u024F\s\p{P}\p{N}]|[ğĞşŞıİ]/u.test(text)) return null;
  const guess = detectLanguage(text);
  return guess && guess.code !== articleLang ? guess.code : null;
}

export type AnalyseOptions = {
  /**
   * Lines the source's own markup marks as page furniture (a saved page's photo caption, byline box, share
   * prompt), with the reason shown when hidden lines are revealed. The markup's reason is the more specific
   * one, so it also replaces a text rule's boilerplate reason; metadata lines (a byline, a date) and embedded
   * posts keep the text rules' decision, since metadata is read from them.
   */
  furniture?: ReadonlyMap<string, string>;
  /** False when the text was already taken out of its page by an article finder (see classifyLines). */
  wholePage?: boolean;
};

/**
 * Raw pasted text in, structured article out. Pure and deterministic: the stored raw text can be
 * analysed again whenever the rules improve, and user corrections are applied on top by the caller.
 */
export function analyseArticle(rawInput: string, options: AnalyseOptions = {}): Analysis {
  const raw = normaliseStoredText(rawInput);
  const lines = classifyLines(toSourceLines(raw), { wholePage: options.wholePage });
  if (options.furniture?.size) {
    for (const l of lines) {
      const reason = options.furniture.get(l.text);
      if (reason && l.kind !== 'meta' && l.kind !== 'post') Object.assign(l, { kind: 'boilerplate', reason, role: null });
    }
  }

  const blocks: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const l of lines) {
    const text = l.post ? l.post.text : l.text;
    const block: Block = { kind: l.kind, text: l.text, reason: l.reason, lang: null, post: l.post, start: null, end: null };
    if (inBody(l)) {
      if (parts.length) offset += BLOCK_SEPARATOR.length;
      block.start = offset;
      block.end = offset + text.length;
      offset = block.end;
      parts.push(text);
    }
    blocks.push(block);
  }
  const body = parts.join(BLOCK_SEPARATOR);
  const meta = extractMetadata(lines, body);
  for (const b of blocks) if (inBody(b)) b.lang = blockLanguage(b.post ? b.post.text : b.text, meta.language.value);

  return {
    version: ANALYSIS_VERSION,
    blocks,
    body,
    boilerplate: blocks.filter((b) => !inBody(b)).map((b) => b.text),
    meta,
    wordCount: countWords(body),
  };
}
