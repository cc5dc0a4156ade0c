/**
 * Every method's answer matches the contract: each handler is called through `dispatch` (as every transport
 * calls it) with representative valid input, on a notebook holding the annotated sample, and its value is
 * checked with the method's output schema. The value must parse, and parse to itself: a field the schema
 * does not know (stripped by the parse) or a value it would rewrite is a mismatch too. A method added to the
 * contract without a case here fails the test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract';
import { methodNames, methodSchemas } from '../../src-main/contract';
import { dispatch } from '../helpers/api';
import { annotatedBackend } from '../helpers/annotated-backend';
import { makePdf, proseLines } from '../helpers/pdf-fixtures';
import { useTempDirs } from '../helpers/temp-dir';
import { startPgCluster } from '../helpers/pg-cluster';
import type { ArticlePageServer } from '../helpers/article-page-server';
import { pageVersion1Html, startArticlePageServer } from '../helpers/article-page-server';

const tempDir = useTempDirs();

/** Ids of the fixed annotated notebook (tests/fixtures/annotated-notebook.json). */
const A = 'a0000000000000aa';
const B = 'b0000000000000bb';
const D = 'd0000000000000dd';
const NOTE = 'n0000000000000a1';

/** The outlet's page a check for updates fetches, and the article made from it. */
let pages: ArticlePageServer | null = null;
let updated = '';
afterAll(() => pages?.close());

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
type Case = (call: Call, dir: string) => Promise<void>;

/**
 * One case per method, run in this order (later cases use what earlier ones made). Each calls its method at
 * least once through `call`, which checks the answer; some call it several ways (every export format).
 */
const cases: Record<MethodName, Case> = {
  'notebook.info': async (call) => void (await call('notebook.info', {})),
  'notebook.importSample': async (call) => void (await call('notebook.importSample', {})),
  'notebook.sync': async (call) => {
    const cluster = await startPgCluster();
    try {
      await cluster.createDatabase('team');
      await call('notebook.sync', { remote: cluster.url('team'), user: 'Ada' });
      await call('notebook.sync', {});
    } finally {
      await cluster.stop();
    }
  },
  'notebook.syncStatus': async (call) => void (await call('notebook.syncStatus', {})),
  'notebook.showOthers': async (call) => {
    await call('notebook.showOthers', { show: false });
    await call('notebook.showOthers', { show: true });
  },
  // A conflict as a sync records it, written into the notebook's sync state (one notebook cannot make one).
  'notebook.resolveConflict': async (call, dir) => {
    const path = join(dir, 'nb', 'sync', 'state.json');
    const state = JSON.parse(readFileSync(path, 'utf8')) as { conflicts: unknown[] };
    const c = { id: 'c0000001', at: '2026-01-01T00:00:00.000Z', kind: 'article-meta', articleId: A, detail: 'outlet', kept: 'AP', other: 'Reuters', otherAuthor: 'Ben', theirsAt: '2026-01-01T00:00:00.000Z', keptSide: 'mine' };
    writeFileSync(path, JSON.stringify({ ...state, conflicts: [c] }));
    const r = await call('notebook.resolveConflict', { id: 'c0000001', keep: 'theirs' });
    await call('notebook.restoreConflict', { conflict: r.resolved, applied: r.applied });
  },
  'notebook.restoreConflict': async (call) => {
    const r = await call('notebook.resolveConflict', { id: 'c0000001', keep: 'mine' });
    await call('notebook.restoreConflict', { conflict: r.resolved, applied: r.applied });
  },
  'articles.list': async (call) => {
    await call('articles.list', {});
    await call('articles.list', { filter: 'syria', tag: 'outlet', sort: 'title', direction: 'desc', offset: 1, limit: 2 });
  },
  'articles.get': async (call) => void (await call('articles.get', { id: A })),
  'articles.snapshot': async (call) => {
    await call('articles.snapshot', { id: A });
    const pdf = await makePdf({ title: 'A PDF report', pages: [{ lines: proseLines(8, 3) }] });
    const r = await call('articles.importFiles', { files: [{ name: 'report.pdf', contentBase64: Buffer.from(pdf).toString('base64') }] });
    await call('articles.snapshot', { id: r.imported[0]!.id });
    await call('articles.snapshot', { id: r.imported[0]!.id, content: true });
  },
  'articles.checkUpdates': async (call) => {
    pages = await startArticlePageServer();
    const html = Buffer.from(pageVersion1Html()).toString('base64');
    updated = (await call('articles.importFiles', { files: [{ name: 'ferry.html', contentBase64: html }] })).imported[0]!.id;
    await call('articles.update', { id: updated, patch: { url: pages.url } });
    await call('articles.checkUpdates', { id: updated });
    pages.setVersion(2);
    await call('articles.checkUpdates', { id: updated });
    await call('articles.summaries', { ids: [updated] });
  },
  'articles.versions': async (call) => {
    await call('articles.versions', { id: updated });
    await call('articles.versions', { id: A });
  },
  'articles.versionDiff': async (call) => void (await call('articles.versionDiff', { id: updated })),
  'articles.showVersion': async (call) => void (await call('articles.showVersion', { id: updated, version: 1 })),
  'articles.locate': async (call) => {
    await call('articles.locate', { id: A, sort: 'outlet' });
    await call('articles.locate', { id: A, filter: 'no such words anywhere' });
  },
  'articles.outlets': async (call) => void (await call('articles.outlets', {})),
  'articles.summaries': async (call) => void (await call('articles.summaries', { ids: [A, B, '0123456789abcdef'] })),
  'articles.update': async (call) =>
    void (await call('articles.update', {
      id: B,
      patch: { outlet: 'Shafaq News', publishedAt: '2025-10-12', url: 'https://example.org/b' },
    })),
  'articles.importPaths': async (call, dir) => {
    const file = join(dir, 'dispatch-from-aleppo.txt');
    writeFileSync(file, 'Dispatch from Aleppo\n\nBy A. Writer\n\nThe market reopened on Sunday after three weeks of closure.\n');
    await call('articles.importPaths', { paths: [file, join(dir, 'missing.txt')] });
  },
  'articles.importFiles': async (call) => {
    const text = 'Harbour notes\n\nThe ferry ran late again, the port authority said on Monday.\n';
    await call('articles.importFiles', {
      files: [
        { name: 'harbour.txt', contentBase64: Buffer.from(text).toString('base64') },
        { name: 'empty.txt', contentBase64: '' },
      ],
    });
    // Annotations read back in: the report then counts annotations too.
    const w3c = await call('export.run', { format: 'w3c' });
    await call('articles.importFiles', { files: [{ name: 'notes.jsonld', contentBase64: w3c.contentBase64 }] });
  },
  'articles.reanalyse': async (call) => void (await call('articles.reanalyse', { ids: [A] })),
  'articles.replaceText': async (call) => {
    const { raw } = await call('articles.get', { id: D });
    await call('articles.replaceText', { id: D, source: 'edit', raw: `${raw}\n\nA paragraph added in the editor.` });
  },
  'compare.articles': async (call) => void (await call('compare.articles', { ids: [A, B, D] })),
  'compare.export': async (call) => {
    for (const table of ['claims', 'quotes', 'entities', 'conflicts'] as const) {
      for (const format of ['markdown', 'html', 'csv'] as const) await call('compare.export', { ids: [A, D], table, format });
    }
  },
  'compare.related': async (call) => void (await call('compare.related', { id: A, limit: 3 })),
  // Nothing runs under this id: the answer says nothing was cancelled.
  'compare.cancel': async (call) => void (await call('compare.cancel', { requestId: 'no-such-request-01' })),
  'stories.list': async (call) => void (await call('stories.list', {})),
  'stories.create': async (call) => void (await call('stories.create', { name: 'Border talks', articleIds: [A] })),
  'stories.add': async (call) => void (await call('stories.add', { id: await storyId(call), articleIds: [B, D] })),
  'stories.remove': async (call) => void (await call('stories.remove', { id: await storyId(call), articleIds: [D] })),
  'stories.rename': async (call) => void (await call('stories.rename', { id: await storyId(call), name: 'Border talks, week one' })),
  'stories.timeline': async (call) => void (await call('stories.timeline', { id: await storyId(call) })),
  'stories.delete': async (call) => {
    const { id } = await call('stories.create', { name: 'To be deleted' });
    await call('stories.delete', { id });
  },
  'annotations.list': async (call) => {
    await call('annotations.list', {});
    await call('annotations.list', { articleId: A, tag: 'claim', sort: 'created', direction: 'desc', limit: 5 });
    await call('annotations.list', { status: 'orphaned' });
  },
  'annotations.create': async (call) => {
    const { body } = await call('articles.get', { id: B });
    await call('annotations.create', {
      articleId: B,
      target: { start: 0, end: Math.min(40, body.length) },
      note: 'Opening line',
      tags: ['lede'],
    });
    await call('annotations.create', { articleId: A, target: { quote: { exact: 'We don’t view Syria' } }, color: 'blue' });
  },
  'annotations.update': async (call) =>
    void (await call('annotations.update', { id: NOTE, patch: { color: 'green', note: 'Edited **note**', tags: ['claim/quote'] } })),
  'annotations.delete': async (call) => {
    const deleted = await call('annotations.delete', { id: NOTE });
    await call('annotations.restore', { annotation: deleted });
  },
  'annotations.restore': async (call) => {
    const [first] = (await call('annotations.list', { articleId: D })).items;
    const { article: _article, ...annotation } = first!;
    await call('annotations.delete', { id: annotation.id });
    await call('annotations.restore', { annotation });
  },
  'verdicts.ratings': async (call) => void (await call('verdicts.ratings', {})),
  'verdicts.setRatings': async (call) => {
    const { ratings } = await call('verdicts.ratings', {});
    await call('verdicts.setRatings', { ratings: [...ratings, { id: 'satire', label: 'Satire', value: null }] });
  },
  'verdicts.set': async (call) => {
    await call('verdicts.set', {
      id: NOTE,
      verdict: { rating: 'mostly-true', rationale: 'The ministry’s figures agree.', sources: [{ kind: 'article', articleId: B }] },
    });
    await call('verdicts.set', { id: NOTE, verdict: { rating: 'false', sources: [{ kind: 'link', url: 'https://example.org/check' }] } });
  },
  'verdicts.create': async (call) => {
    const { body } = await call('articles.get', { id: D });
    await call('verdicts.create', {
      articleId: D,
      target: { start: 0, end: Math.min(30, body.length) },
      verdict: { rating: 'unverified' },
    });
    await call('export.run', {
      format: 'claimreview',
      options: { claimReview: { pageUrl: 'https://example.org/checks', authorName: 'Desk' } },
    });
  },
  'verdicts.list': async (call) => {
    await call('verdicts.list', {});
    await call('verdicts.list', { rating: 'false', sort: 'decided', direction: 'asc' });
  },
  'articles.tag': async (call) =>
    void (await call('articles.tag', { id: A, add: ['topic/security', ' topic / borders'], remove: ['actor/turkiye'] })),
  'tags.list': async (call) => void (await call('tags.list', {})),
  'tags.rename': async (call) => void (await call('tags.rename', { from: 'topic/borders', to: 'topic/frontiers' })),
  'tags.merge': async (call) => void (await call('tags.merge', { from: ['topic/frontiers'], into: 'topic/security' })),
  'tags.recolour': async (call) => {
    await call('tags.recolour', { tag: 'topic', color: '#aa3300' });
    await call('tags.recolour', { tag: 'topic', color: null });
  },
  'tags.delete': async (call) => void (await call('tags.delete', { tag: 'lede' })),
  'tags.restore': async (call) => {
    const change = await call('tags.delete', { tag: 'topic' });
    await call('tags.restore', { snapshot: change.snapshot });
  },
  'search.query': async (call) => {
    await call('search.query', { query: 'Syria security' });
    await call('search.query', { query: '"security as separate" OR Fidan -nothing', limit: 2, offset: 1 });
    await call('search.query', { query: '((( unbalanced' });
  },
  'search.status': async (call) => void (await call('search.status', {})),
  'search.articleHits': async (call) => void (await call('search.articleHits', { id: A, query: 'security' })),
  'search.saved.list': async (call) => void (await call('search.saved.list', {})),
  'search.saved.save': async (call) => void (await call('search.saved.save', { name: 'Security', query: 'security' })),
  'search.saved.delete': async (call) => {
    const saved = await call('search.saved.save', { name: 'Temporary', query: 'ferry' });
    await call('search.saved.delete', { id: saved.id });
  },
  'articles.importText': async (call) => {
    await call('articles.importText', { text: 'A pasted note about the crossing.\n\nIt reopened at dawn.', title: 'Crossing reopens' });
    await call('articles.importText', { text: 'A pasted note about the crossing.\n\nIt reopened at dawn.', title: 'Crossing reopens' });
  },
  'export.run': async (call) => {
    for (const format of ['md', 'html', 'pdf', 'csv', 'w3c', 'csl', 'bibtex', 'ris', 'backup'] as const) {
      await call('export.run', { format });
    }
    await call('export.run', {
      format: 'md',
      scope: { articleIds: [A, D], tag: 'outlet' },
      options: { layout: 'per-article', includeText: true },
    });
    await call('export.run', { format: 'w3c', options: { jsonLines: true } });
  },
  'export.write': async (call, dir) => {
    await call('export.write', { format: 'csv', folder: dir, name: 'annotations' });
    await call('export.write', { format: 'md', folder: dir, options: { layout: 'per-article' } });
  },
  'backup.create': async (call) => void (await call('backup.create', {})),
  'backup.list': async (call) => void (await call('backup.list', {})),
  'articles.importPage': async (call) => {
    const html =
      '<html lang="en"><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>' +
      '<p>The ferry crews went back to work on Tuesday after the port authority agreed to their terms, the union said.</p>' +
      '<p>Crossings to the islands will run on the normal timetable from Wednesday morning onwards.</p></article></body></html>';
    const page = { html, url: 'https://news.example.org/ferry?ref=home', title: 'Ferry strike ends' };
    await call('articles.importPage', {
      ...page,
      selection: 'the port authority\nagreed',
      tag: 'topic/transport',
      storyId: await storyId(call),
    });
    await call('articles.importPage', { ...page, meta: { title: 'Ferry strike ends', language: 'en-GB' } });
  },
  'extension.pairingCode': async (call) => void (await call('extension.pairingCode', {})),
  'extension.status': async (call) => void (await call('extension.status', {})),
  'extension.unpair': async (call) => void (await call('extension.unpair', {})),
  'articles.importUrl': async (call) => {
    const html =
      '<html lang="en"><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>' +
      '<p>The harbour reopened to shipping on Monday after the storm damage to the outer wall was repaired.</p>' +
      '<p>Ferries to the islands resume their winter timetable from Tuesday, the port authority said.</p></article></body></html>';
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/harbour`;
      await call('articles.importUrl', { url, tag: 'topic/transport', storyId: await storyId(call) });
      await call('articles.importUrl', { url });
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  },
};

async function storyId(call: Call): Promise<string> {
  const { stories } = await call('stories.list', {});
  return stories.find((s) => s.name.startsWith('Border talks'))!.id;
}

describe('every handler answers what the contract says', () => {
  it('has a case for every method of the contract', () => {
    expect(Object.keys(cases).sort()).toEqual([...methodNames].sort());
  });

  it('every answer parses with its output schema, to itself', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    // The PDF is printed by Chromium in the app; its bytes are not what this test checks.
    const pdf = async () => new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const b = await annotatedBackend(join(dir, 'nb'), { pdf, search: { runIn: 'inline', waitForIndexMs: Infinity } });
    const answered = new Map<MethodName, number>();
    const mismatches: string[] = [];
    const call: Call = async (method, input) => {
      const r = await dispatch(b.handlers, method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      answered.set(method, (answered.get(method) ?? 0) + 1);
      const parsed = (await methodSchemas(method)).output.safeParse(r.value);
      if (!parsed.success) mismatches.push(`${method}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      else {
        try {
          expect(parsed.data).toStrictEqual(r.value);
        } catch (e) {
          mismatches.push(`${method}: the value is not what its schema makes of it (${(e as Error).message.slice(0, 600)})`);
        }
      }
      return r.value as never;
    };
    try {
      for (const m of methodNames) await cases[m](call, dir);
    } finally {
      await b.close();
    }
    expect(mismatches).toEqual([]);
    expect(methodNames.filter((m) => !answered.has(m))).toEqual([]);
  });
});
