/**
 * A page's visible text as a person gets it by selecting everything and copying: the page laid out by a real
 * browser (Debian's Chromium, scripts off, nothing fetched), then `innerText` of its body, which puts block
 * elements on their own lines, skips what is not rendered (head, script, style, template, display:none) and
 * collapses white space as a copy does. Rendered once per page and kept in a cache folder, since the
 * evaluation runs many times over the same 181 pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Bump when the rendering changes, so cached texts are not mixed with new ones. */
const RENDER_VERSION = 1;

export async function visibleTexts(pages: Array<{ key: string; html: string }>, cacheDir: string): Promise<Map<string, string>> {
  mkdirSync(cacheDir, { recursive: true });
  const out = new Map<string, string>();
  const cacheFile = (p: { key: string; html: string }) =>
    join(cacheDir, `${createHash('sha256').update(`${RENDER_VERSION}\n${p.html}`).digest('hex').slice(0, 32)}.txt`);
  const missing = pages.filter((p) => {
    const f = cacheFile(p);
    if (!existsSync(f)) return true;
    out.set(p.key, readFileSync(f, 'utf8'));
    return false;
  });
  if (!missing.length) return out;
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed to render pasted pages (${CHROMIUM}); set PARALLAX_CHROMIUM`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    // Nothing leaves the machine: the page is laid out from its own HTML and inline styles only.
    await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    for (const p of missing) {
      await page.setContent(p.html, { waitUntil: 'domcontentloaded', timeout: 30_000 }).catch(() => undefined);
      const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      writeFileSync(cacheFile(p), text);
      out.set(p.key, text);
    }
  } finally {
    await browser.close();
  }
  return out;
}
