import { z } from 'zod';
import { StoryId } from './compare';
import { ArticleId, HttpUrl, ShortText } from './primitives';
import { TagName } from './tags';

/**
 * The browser extension's side of the API (ADR 006): a page saved from the browser, and the pairing code the
 * app shows so that one browser, once, can trade it for a token.
 */

/** The most of a page's HTML Parallax takes from the browser, as a saved page's file limit (read-import-file.ts). */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;
/** A selection is a passage, not a page: past this it is not highlighted. */
export const MAX_SELECTION_CHARS = 20_000;

/**
 * What the browser knows of the page besides its HTML (whose own tags are read first): the tab's title and
 * the document's language, used only where the page's markup names none.
 */
export const PageHints = z
  .object({
    title: ShortText(1000).optional(),
    language: ShortText(40).optional(),
  })
  .strict();

export const ImportPageInput = z
  .object({
    /** The rendered DOM (document.documentElement.outerHTML): untrusted, sanitised as a saved page is, never run. */
    html: z
      .string()
      // Characters: a string longer than this has more bytes than the limit too; bytes are checked by the handler.
      .max(MAX_PAGE_BYTES, `a page may be at most ${MAX_PAGE_BYTES / 1048576} MB`)
      .refine((s) => s.trim().length > 0, 'the page is empty'),
    /** The address the reader saw it at, kept as the article's URL. */
    url: HttpUrl,
    /** The passage selected when the page was saved: it is highlighted on the saved article. */
    selection: z.string().max(1_000_000).optional(),
    /** The tab's title, as `meta.title`. */
    title: ShortText(1000).optional(),
    meta: PageHints.optional(),
    tag: TagName.optional(),
    storyId: StoryId.optional(),
  })
  .strict();
export type ImportPageInput = z.input<typeof ImportPageInput>;

export const ImportPageResult = z.object({
  id: ArticleId,
  title: z.string(),
  /** The page's text was already in the notebook: this is that article (the tag and story were still applied). */
  duplicate: z.boolean(),
  /** The selection: highlighted, not found in the article's clean text (or found more than once), or none sent. */
  highlight: z.enum(['added', 'not-found', 'none']),
});
export type ImportPageResult = z.infer<typeof ImportPageResult>;

export const PairingCode = z.object({
  /** Eight letters and digits, shown as two groups of four; single use. */
  code: z.string(),
  expiresAt: z.string(),
  /** The loopback port the extension listener is on, or null when it is not listening (disabled or every port taken). */
  port: z.number().int().nullable(),
  /** Browsers paired with this notebook. */
  paired: z.number().int().nonnegative(),
});
export type PairingCode = z.infer<typeof PairingCode>;

export const ExtensionStatus = PairingCode.pick({ port: true, paired: true });
export type ExtensionStatus = z.infer<typeof ExtensionStatus>;
