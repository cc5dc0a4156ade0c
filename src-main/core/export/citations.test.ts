import { Cite, plugins } from '@citation-js/core';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { hasBibtex, runBibtex } from '../../../tests/helpers/bibtex-tool';
import { fixedArticles, fixedSettings } from '../../../tests/helpers/export-fixture';
import { corpus } from '../../../tests/helpers/seeds';
import { cslDataSchema } from '../../../tests/helpers/w3c-schemas';
import { bibtex, formatReferences, parseAuthors, ris, toCslItem, uniqueKeys } from './citations';
import { renderExport, renderToStrings } from './render-export';

const one = (format: 'csl' | 'bibtex' | 'ris') =>
  [...renderToStrings(renderExport(format, fixedArticles(), fixedSettings(), 'refs')).values()][0]!;

describe('citations', () => {
  const cslDir = corpus('05-csl-json-schema');
  it.runIf(cslDir)('writes CSL-JSON article-newspaper items valid against the CSL schema (v1.0.2)', () => {
    const items = JSON.parse(one('csl')) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(5);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(cslDataSchema(cslDir!));
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
    // The schema refuses what it should: a wrong type name.
    expect(validate([{ ...items[0], type: 'newspaper' }])).toBe(false);
    const aa = items.find((i) => i.id === 'a0000000000000aa')!;
    expect(aa).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'Anadolu Agency',
      issued: { 'date-parts': [[2025, 10, 12]] },
    });
  });

  it('writes BibTeX and RIS entries for every article', () => {
    const bib = one('bibtex');
    expect(bib.match(/^@\w+\{/gm)).toHaveLength(5);
    expect(bib).toContain('journal = {Anadolu Agency}');
    const ris = one('ris');
    expect(ris.match(/^TY {2}- NEWS/gm)).toHaveLength(5);
    expect(ris.match(/^ER {2}-/gm)).toHaveLength(5);
    expect(ris).toContain('T2  - Anadolu Agency');
  });

  it('formats APA and Chicago references through the CSL processor, escaping HTML', () => {
    const [aa] = fixedArticles().filter((a) => a.id === 'a0000000000000aa');
    const apa = formatReferences([aa!], 'apa', 'markdown').get(aa!.id);
    expect(apa).toBe(
      'Staff Reporter. (2025, October 12). Syria’s security is inseparable from Türkiye: Fidan. *Anadolu Agency*. https://www.aa.com.tr/en/turkiye/syrias-security-is-inseparable-from-turkiye-fidan/3000000',
    );
    const evil = { ...aa!, id: 'evil0000', title: '<script>alert(1)</script> & co', author: 'Jane Doe', url: null };
    const html = formatReferences([evil], 'chicago', 'html').get('evil0000')!;
    expect(html).not.toContain('<script>');
    expect(html).toContain('Doe, Jane. “&#60;script&#62;alert(1)&#60;/script&#62; &#38; co.” <i>Anadolu Agency</i>, October 12, 2025.');
  });

  it('splits bylines into names, but keeps institutional ones whole', () => {
    expect(parseAuthors('By Jane Doe and John Smith')).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Smith', given: 'John' },
    ]);
    expect(parseAuthors('Staff Reporter')).toEqual([{ literal: 'Staff Reporter' }]);
    expect(parseAuthors(null)).toBeUndefined();
    expect(toCslItem({ ...fixedArticles()[0]!, url: null }).accessed).toBeUndefined();
  });
});

/** Three articles with no byline from one year whose titles start alike: they all get the key "2025Syria". */
const lookalikes = () =>
  fixedArticles()
    .slice(0, 3)
    .map((a, i) => ({ ...a, author: null, publishedAt: '2025-10-12', title: `Syria ${['talks', 'meeting', 'delegation'][i]} in Ankara` }));

/** Every entry of a .bib file: type, key, and its fields as written (a bare macro keeps no braces). */
function readBib(text: string) {
  return [...text.matchAll(/^@(\w+)\{([^,\s]+),\n([\s\S]*?)^\}$/gm)].map((m) => ({
    type: m[1]!,
    key: m[2]!,
    fields: Object.fromEntries([...m[3]!.matchAll(/^\t(\w+) = (\{.*\}|\w+),$/gm)].map((f) => [f[1]!, f[2]!])),
    lines: m[3]!.split('\n').filter(Boolean),
  }));
}

describe('BibTeX', () => {
  it('gives entries that would share a key a, b, c suffixes, the same on every export', () => {
    const bib = bibtex(lookalikes());
    const entries = readBib(bib);
    expect(entries.map((e) => e.key)).toEqual(['2025Syriaa', '2025Syriab', '2025Syriac']);
    expect(bibtex(lookalikes())).toBe(bib);
    expect(uniqueKeys(['Doe2025', 'doe2025', 'Doe2025a', 'Roe2025'])).toEqual(['Doe2025b', 'doe2025c', 'Doe2025a', 'Roe2025']);
  });

  it('writes the month as the BibTeX macro and the day in its own field, and citation-js reads the date back', () => {
    const all = [...fixedArticles(), ...lookalikes()];
    const bib = bibtex(all);
    const entries = readBib(bib);
    expect(entries).toHaveLength(all.length);
    const months = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
    for (const e of entries) {
      // Every line is one field, braced or a bare month macro; nothing else is in an entry.
      for (const line of e.lines) expect(line).toMatch(/^\t\w+ = (\{.*\}|[a-z]{3}),$/);
      if (e.fields.month) expect(months.has(e.fields.month), e.fields.month).toBe(true);
      if (e.fields.day) expect(e.fields.day).toMatch(/^\{\d{1,2}\}$/);
    }
    expect(new Set(entries.map((e) => e.key.toLowerCase())).size).toBe(entries.length);
    const back = new Cite(bib).data as Array<{ 'citation-key': string; title: string; issued?: { 'date-parts': number[][] } }>;
    expect(back).toHaveLength(all.length);
    expect(back.find((b) => b['citation-key'] === 'Staff2025Syria')!.issued).toEqual({ 'date-parts': [[2025, 10, 12]] });
    // The fixed notebook's "Syria FM leads…" (no byline, 2025) joins the three: 2025Syriaa to 2025Syriad.
    expect(back.map((b) => b['citation-key']).filter((k) => k.startsWith('2025Syria'))).toEqual([
      '2025Syriaa',
      '2025Syriab',
      '2025Syriac',
      '2025Syriad',
    ]);
  });

  it('is read by the bibtex program without an error (plain style)', () => {
    expect(hasBibtex, 'this check needs the bibtex program: apt-get install -y texlive-binaries texlive-base (.ci/run does this)').toBe(
      true,
    );
    const run = runBibtex(bibtex([...fixedArticles(), ...lookalikes()]));
    expect(run.status, run.stdout).toBeLessThan(2);
    expect(run.stdout).not.toMatch(/error message|Repeated entry|I didn't find a database entry/);
  });
});

describe('RIS', () => {
  const long = {
    title: `A very long headline about the security talks in Ankara between the delegations of Türkiye and Syria, ${'and more '.repeat(20)}end`,
    url: `https://www.example.org/en/news/2025/10/12/${'security-talks-'.repeat(10)}ankara?utm_source=a&id=123456789#section-2`,
  };
  const articles = () => {
    const [a, b, c] = fixedArticles();
    return [
      { ...a!, ...long, author: 'By Jane Doe and John Smith', publishedAt: '2025-10-12' },
      { ...b!, author: 'Staff Reporter', publishedAt: '2025-03-07' },
      { ...c!, author: null },
    ];
  };
  /** The records as citation-js's RIS reader sees them: each tag and its values. */
  const records = (text: string) => plugins.input.chainLink(text) as Array<Record<string, string | string[]>>;

  it('round-trips authors, the full date, title and address exactly, however long', () => {
    const text = ris(articles());
    const [first, second, third] = records(text);
    expect(first).toMatchObject({
      TY: 'NEWS',
      AU: ['Doe, Jane', 'Smith, John'],
      TI: long.title,
      UR: long.url,
      PY: '2025',
      DA: '2025/10/12/',
    });
    expect(second).toMatchObject({ TY: 'NEWS', AU: 'Staff Reporter', PY: '2025', DA: '2025/03/07/' });
    expect(third!.AU).toBeUndefined();
    // Nothing is wrapped: every line is one tag.
    for (const line of text.split('\r\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-( |$)/);
    // And as CSL through citation-js: the newspaper item with its reporters, title, address and year.
    const csl = new Cite(text).data as Array<Record<string, unknown>>;
    expect(csl[0]).toMatchObject({ type: 'article-newspaper', title: long.title, URL: long.url, reporter: ['Doe, Jane', 'Smith, John'] });
    expect(csl[0]!.issued).toEqual({ 'date-parts': [[2025]] });
  });

  it('keeps each value on one line, so no value can pose as another tag', () => {
    const [a] = fixedArticles();
    const text = ris([{ ...a!, title: 'Headline\nER  - \nTY  - JOUR' }]);
    expect(records(text)).toHaveLength(1);
    expect(records(text)[0]!.TI).toBe('Headline ER - TY - JOUR');
  });
});
