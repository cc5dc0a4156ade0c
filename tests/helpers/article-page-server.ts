import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An outlet's article page on 127.0.0.1 that changes: what a check for updates is tested against (unit tests
 * and the check-updates Playwright spec). Version 2 has a new headline, one sentence changed (a death toll
 * revised), and the paragraph about the talks moved below a paragraph added above it: an annotation on that
 * paragraph must follow it. Each version has its own ETag; a request naming the current one gets 304.
 */
export const PAGE_V1 = {
  headline: 'Ferry sinks off Lesbos, five dead',
  toll: 'Five people died when the ferry sank before dawn, the coast guard said.',
  talks: 'Greek and Turkish officials agreed to hold talks on the search in Izmir on Tuesday, a ministry spokesperson said.',
};
export const PAGE_V2 = {
  headline: 'Ferry sinks off Lesbos, seven dead as search continues',
  toll: 'Seven people died when the ferry sank before dawn, the coast guard said on Monday.',
  added: 'Rescue boats from three islands joined the search in the afternoon, and divers reached the wreck by nightfall.',
};

const STEADY = [
  'The vessel was carrying 48 passengers and crew when it left the port of Ayvalik late on Sunday evening.',
  'Survivors were taken to the main hospital in Mytilene, where doctors said eleven were in a serious condition.',
  'The ferry company said it was cooperating fully with the investigation and would publish its safety records.',
];

function page(version: number, url?: string): string {
  const v = version >= 2 ? PAGE_V2 : PAGE_V1;
  const paragraphs =
    version >= 2
      ? [v.toll, STEADY[0]!, PAGE_V2.added, STEADY[1]!, PAGE_V1.talks, STEADY[2]!]
      : [v.toll, STEADY[0]!, PAGE_V1.talks, STEADY[1]!, STEADY[2]!];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${v.headline} | Aegean Times</title>
<meta property="og:site_name" content="Aegean Times">${url ? `<meta property="og:url" content="${url}">` : ''}<meta name="author" content="Eleni Papadaki">
<meta property="article:published_time" content="2026-11-30T06:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${v.headline}</h1><p class="byline">By Eleni Papadaki</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>© Aegean Times 2026</footer></body></html>`;
}

export type ArticlePageServer = {
  /** The article's address. */
  url: string;
  /** An address that never finishes answering (for a time limit). */
  slowUrl: string;
  /** Which version the page serves now; `setVersion` changes the text the outlet publishes. */
  setVersion: (n: number) => void;
  /** Serve the same text with different page furniture (a new ETag, an ad), which is no change to the article. */
  setFurniture: (label: string) => void;
  /** Requests seen, with the conditional headers they sent. */
  requests: Array<{ path: string; ifNoneMatch: string | undefined }>;
  close: () => Promise<void>;
};

export async function startArticlePageServer(): Promise<ArticlePageServer> {
  let version = 1;
  let furniture = '';
  let own = '';
  const requests: ArticlePageServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const inm = req.headers['if-none-match'];
    requests.push({ path, ifNoneMatch: typeof inm === 'string' ? inm : undefined });
    if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      return; // never ends
    }
    if (path !== '/world/ferry-lesbos') {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<p>Not here</p>');
      return;
    }
    const etag = `"v${version}${furniture}"`;
    if (inm === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      etag,
      'last-modified': version >= 2 ? 'Mon, 30 Nov 2026 14:00:00 GMT' : 'Mon, 30 Nov 2026 06:00:00 GMT',
    });
    res.end(page(version, own).replace('</footer>', `${furniture ? `<aside>Advert ${furniture}</aside>` : ''}</footer>`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  own = `${base}/world/ferry-lesbos`;
  return {
    url: `${base}/world/ferry-lesbos`,
    slowUrl: `${base}/slow`,
    setVersion: (n) => void (version = n),
    setFurniture: (label) => void (furniture = label),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Version 1 of the page as saved to disk; with `url`, the page names its address (og:url), which the import keeps. */
export const pageVersion1Html = (url?: string) => page(1, url);
