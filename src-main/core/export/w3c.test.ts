import { describe, expect, it } from 'vitest';
import { fixedArticles, fixedSettings } from '../../../tests/helpers/export-fixture';
import { corpus } from '../../../tests/helpers/seeds';
import { loadW3cSuite, w3cSamples } from '../../../tests/helpers/w3c-schemas';
import { expandOffline } from '../../../tests/helpers/json-ld';
import { renderExport, renderToStrings } from './render-export';
import { PARALLAX_NS } from './w3c-export';
import { codePointToUtf16, idForIri, locateQuote, parseW3cDocument } from './w3c-import';

const render = (jsonLines: boolean) => {
  const files = renderToStrings(renderExport('w3c', fixedArticles(), fixedSettings({ jsonLines }), 'notes'));
  return [...files.values()][0]!;
};

describe('W3C Web Annotation export', () => {
  const suiteDir = corpus('04-w3c-web-annotation-tests');

  it.runIf(suiteDir)('validates against the W3C test suite: the collection, its page and every annotation', () => {
    const suite = loadW3cSuite(suiteDir!);
    const doc = JSON.parse(render(false)) as { first: { items: unknown[] }; total: number };
    expect(suite.check('collection', doc)).toEqual([]);
    expect(suite.check('page', { '@context': 'http://www.w3.org/ns/anno.jsonld', ...doc.first })).toEqual([]);
    expect(doc.first.items).toHaveLength(8);
    expect(doc.total).toBe(8);
    for (const item of doc.first.items)
      expect(suite.check('annotation', { '@context': 'http://www.w3.org/ns/anno.jsonld', ...(item as object) })).toEqual([]);
    const lines = render(true).trim().split('\n');
    expect(lines).toHaveLength(8);
    for (const l of lines) expect(suite.check('annotation', JSON.parse(l))).toEqual([]);
  });

  it.runIf(suiteDir)('is valid JSON-LD: every key expands to an IRI under the Web Annotation context (no term dropped)', async () => {
    // Safe mode refuses any key or value JSON-LD would drop, as it dropped the anchor's "status" before.
    const expanded = (await expandOffline(JSON.parse(render(false)), suiteDir!)) as Array<Record<string, unknown>>;
    expect(JSON.stringify(expanded)).toContain(`${PARALLAX_NS}anchorStatus`);
    for (const line of render(true).trim().split('\n')) {
      const [item] = (await expandOffline(JSON.parse(line), suiteDir!)) as Array<Record<string, Array<Record<string, unknown>>>>;
      expect(item![`${PARALLAX_NS}article`]).toEqual([{ '@id': expect.stringMatching(/^urn:parallax:article:/) }]);
      expect(item![`${PARALLAX_NS}anchorStatus`]![0]!['@value']).toMatch(/^(ok|drifted|orphaned)$/);
      expect(item![`${PARALLAX_NS}fingerprint`]![0]!['@value']).toMatch(/^fixture-[0-9a-f]{16}$/);
    }
  });

  it('still reads the anchor as earlier exports wrote it (parallax:anchor)', () => {
    const [line] = render(true).trim().split('\n');
    const doc = JSON.parse(line!) as Record<string, unknown>;
    const anchor = {
      status: doc['parallax:anchorStatus'],
      start: doc['parallax:anchorStart'] ?? null,
      end: doc['parallax:anchorEnd'] ?? null,
    };
    for (const k of ['parallax:anchorStatus', 'parallax:anchorStart', 'parallax:anchorEnd', 'parallax:fingerprint']) delete doc[k];
    const [back] = parseW3cDocument(JSON.stringify({ ...doc, 'parallax:anchor': anchor }), 'old.jsonld');
    expect(back!.anchor).toEqual(anchor);
    expect(back!.article.fingerprint).toBeNull();
  });

  it('gives each annotation TextQuote and TextPosition selectors, tags as tagging bodies and its colour as a styleClass', () => {
    const first = JSON.parse(render(true).split('\n')[0]!) as {
      target: { selector: Array<{ type: string }>; styleClass: string };
      body: Array<{ purpose: string; value: string }>;
    };
    expect(first.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(first.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(['claim/discrepancy', 'needs check']);
    expect(first.target.styleClass).toBe('parallax-pink');
  });

  it('reads its own export back without loss (collection and JSON Lines)', () => {
    const original = fixedArticles().flatMap((a) => a.annotations.map((n) => ({ ...n, articleId: a.id, article: a })));
    for (const jsonLines of [false, true]) {
      const back = parseW3cDocument(render(jsonLines), 'notes.jsonld');
      expect(back).toHaveLength(original.length);
      for (const n of original) {
        const b = back.find((x) => x.id === n.id)!;
        expect(b).toEqual({
          id: n.id,
          parallaxArticle: `urn:parallax:article:${n.articleId}`,
          article: { fingerprint: n.article.fingerprint, title: n.article.title, outlet: n.article.outlet },
          source: expect.any(String),
          color: n.color,
          note: n.note,
          tags: n.tags,
          quote: n.quote,
          position: n.position,
          createdAt: n.createdAt,
          updatedAt: n.updatedAt,
          anchor: n.anchor,
        });
      }
    }
  });

  it.runIf(suiteDir)('refuses every incorrect sample of the W3C suite with a clear message', () => {
    const samples = w3cSamples(suiteDir!, 'incorrect');
    expect(samples).toHaveLength(39);
    for (const { name, text } of samples) {
      expect(() => parseW3cDocument(text, name), name).toThrow(new RegExp(`^${name.replace('.', '\\.')}`));
    }
  });

  it.runIf(suiteDir)('reads the correct samples that annotate a text passage, and explains the ones it cannot use', () => {
    let read = 0;
    for (const { name, text } of w3cSamples(suiteDir!, 'correct')) {
      try {
        read += parseW3cDocument(text, name).length;
      } catch (e) {
        expect((e as { code: string }).code, name).toMatch(/UNSUPPORTED|BAD_INPUT/);
        expect((e as Error).message.startsWith(name)).toBe(true);
      }
    }
    expect(read).toBeGreaterThan(0);
  });

  it('re-anchors incoming passages: at their position, elsewhere (drifted), or orphaned', () => {
    const body = 'Güler 🇹🇷 met Kalın. Güler spoke.';
    const at = [...body].indexOf('G', 3);
    expect(locateQuote(body, { exact: 'Güler', prefix: '', suffix: '' }, { start: at, end: at + 5 })).toEqual({
      status: 'ok',
      start: codePointToUtf16(body, at),
      end: codePointToUtf16(body, at) + 5,
    });
    expect(locateQuote(body, { exact: 'Kalın', prefix: '', suffix: '' }, { start: 0, end: 5 }).status).toBe('drifted');
    expect(locateQuote(body, { exact: 'Fidan', prefix: '', suffix: '' }, null)).toEqual({ status: 'orphaned', start: null, end: null });
  });

  it('gives foreign annotations stable ids and refuses files that are not annotations', () => {
    expect(idForIri('urn:parallax:annotation:abcdef12')).toBe('abcdef12');
    expect(idForIri('http://example.org/anno1')).toMatch(/^[a-z0-9]{8,32}$/);
    expect(idForIri('http://example.org/anno1')).toBe(idForIri('http://example.org/anno1'));
    expect(() => parseW3cDocument('{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Squirrel"}', 'x.jsonld')).toThrow(
      /x\.jsonld: type must be/,
    );
    expect(() => parseW3cDocument('not json', 'x.jsonld')).toThrow(/x\.jsonld is not valid JSON/);
  });
});
