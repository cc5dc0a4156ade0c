import { APP_HOST, APP_SCHEME } from './window-options';

/**
 * Which URLs are the app itself, decided by parsing, never by a prefix: `url.startsWith('parallax://app')`
 * also admits `parallax://app.evil/` and `parallax://application/`. Kept free of Electron so the checks
 * can be tested in plain Node.
 *
 * Nor by `new URL(url).origin`: for a scheme URL parsing does not know (ours is registered with Chromium,
 * not with Node's URL parser, which the main process uses), `origin` is the string 'null', so comparing it
 * with 'parallax://app' refuses everything, and comparing two of them ('null' === 'null') admits anything.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `host` includes any port; a user name or password would move the real host after the "@".
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The frame an IPC call came from, as Electron's WebFrameMain describes it (url, and its parent: null for the page itself). */
export type SenderFrame = { url: string; parent: unknown } | null | undefined;

/** Only the app's own page may call the API: not a sub-frame, not a page navigated elsewhere, not a frame already gone. */
export const isTrustedSender = (frame: SenderFrame): boolean => !!frame && frame.parent === null && isAppUrl(frame.url);

/** May the window go to `url` (a navigation or a redirect)? Only to another page of the app. */
export const mayNavigate = (url: string): boolean => isAppUrl(url);

/** A link the user followed that should open in their own browser (web pages only); null for anything else. */
export function externalLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
