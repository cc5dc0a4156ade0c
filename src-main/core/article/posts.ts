import type { EmbeddedPost } from '../../contract';
import { findStatedDate } from '../text/dates';

/**
 * The signature an embedded X/Twitter post leaves when a page is copied as text:
 *   "<text>… pic.twitter.com/abc— Display Name (@handle) October 12, 2025"
 * The dash is an em dash, sometimes with spaces; the link is optional.
 */
const SIGNATURE = /[\s\u2026]*[—–]\s*([^—–()@\n]{1,80}?)\s*\(@([A-Za-z0-9_]{1,15})\)\s+([A-Z][a-z]+\.? \d{1,2}, \d{4})\s*$/u;
const MEDIA_LINK = /\s*((?:https?:\/\/)?(?:pic\.twitter\.com|t\.co|pic\.x\.com)\/[A-Za-z0-9]+)\s*$/u;

export function parseEmbeddedPost(line: string): EmbeddedPost | null {
  const sig = SIGNATURE.exec(line);
  if (!sig) return null;
  let text = line.slice(0, sig.index);
  let url: string | null = null;
  const media = MEDIA_LINK.exec(text);
  if (media) {
    url = media[1]!.startsWith('http') ? media[1]! : `https://${media[1]}`;
    text = text.slice(0, media.index);
  }
  const date = findStatedDate(sig[3]!);
  return {
    text: text.trim(),
    author: sig[1]!.trim() || null,
    handle: sig[2]!,
    date: date?.iso ?? null,
    url,
  };
}
