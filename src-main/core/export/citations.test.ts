import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fixedArticles, fixedSettings } from '../../../tests/helpers/export-fixture';
import { corpus } from '../../../tests/helpers/seeds';
import { cslDataSchema } from '../../../tests/helpers/w3c-schemas';
import { formatReferences, parseAuthors, toCslItem } from './citations';
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
