import { describe, expect, it } from 'vitest';
import { externalLink, isAppUrl, isTrustedSender, mayNavigate } from './app-origin';
import { APP_ORIGIN } from './window-options';

const app = [
  'parallax://app/index.html',
  'parallax://app/',
  'parallax://app',
  'parallax://app/assets/index-abc.js?x=1#top',
  'PARALLAX://app/index.html',
];
const notApp = [
  'parallax://app.evil/index.html', // passed the old `startsWith('parallax://app')`
  'parallax://application/',
  'parallax://app@evil/index.html', // "app" is a user name here; the host is evil
  'parallax://evil@app/index.html',
  'parallax://user:pass@app/',
  'parallax://app:8080/index.html',
  'parallax://APP/index.html',
  'parallax:app/index.html',
  'parallax:///app/index.html',
  'https://app/index.html',
  'http://127.0.0.1:5173/',
  'file:///usr/lib/parallax/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  '',
  'not a url',
];

describe('which URLs are the app', () => {
  it.each(app)('%s is the app', (url) => expect(isAppUrl(url)).toBe(true));
  it.each(notApp)('%s is not', (url) => expect(isAppUrl(url)).toBe(false));

  it('is not a prefix test: the one the window used admitted four of the URLs above', () => {
    expect(notApp.filter((url) => url.startsWith(APP_ORIGIN))).toEqual([
      'parallax://app.evil/index.html',
      'parallax://application/',
      'parallax://app@evil/index.html',
      'parallax://app:8080/index.html',
    ]);
  });

  it("does not rely on URL.origin, which is 'null' for a scheme Node's URL parser does not know", () => {
    // Why the old sender check could not work: 'null' never equals 'parallax://app', and 'null' equals any other 'null'.
    expect(new URL(`${APP_ORIGIN}/index.html`).origin).toBe('null');
    expect(new URL('parallax://app.evil/').origin).toBe('null');
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
  });
});

describe('navigation', () => {
  it.each(app)('the window may move to %s', (url) => expect(mayNavigate(url)).toBe(true));
  it.each(notApp)('the window may not move to %s', (url) => expect(mayNavigate(url)).toBe(false));
});

describe('IPC sender', () => {
  const page = { url: `${APP_ORIGIN}/index.html`, parent: null };

  it('accepts calls from the app page itself', () => expect(isTrustedSender(page)).toBe(true));
  it('refuses a frame inside the page, even one showing the app', () => expect(isTrustedSender({ ...page, parent: page })).toBe(false));
  it.each(notApp)('refuses the page once it shows %s', (url) => expect(isTrustedSender({ url, parent: null })).toBe(false));
  it('refuses a call whose frame is gone', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('links opened outside the app', () => {
  it('opens web pages in the browser', () => {
    expect(externalLink('https://www.bbc.co.uk/news/articles/1')).toBe('https://www.bbc.co.uk/news/articles/1');
    expect(externalLink('http://example.org')).toBe('http://example.org/');
  });
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'parallax://app/index.html', 'smb://host/share', 'ms-settings:', 'not a url'])(
    'opens nothing for %s',
    (url) => expect(externalLink(url)).toBeNull(),
  );
});
