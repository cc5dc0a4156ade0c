import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expectGolden } from '../../../tests/helpers/golden';
import { fixedArticles, fixedSettings } from '../../../tests/helpers/export-fixture';
import { CSV_COLUMNS, UTF8_BOM, csvCell } from './csv';
import { escapeMarkdown } from './markdown-safety';
import { renderExport, renderToStrings } from './render-export';

/** A strict RFC 4180 reader, to prove the CSV reads back into exactly the cells that were written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
      continue;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else cell += c;
    i++;
  }
  if (cell || row.length) throw new Error('last record not ended by CRLF');
  return rows;
}

describe('Markdown export', () => {
  it('matches the golden file for the fixed notebook (combined)', () => {
    const files = renderToStrings(renderExport('md', fixedArticles(), fixedSettings(), 'notes'));
    expect([...files.keys()]).toEqual(['notes.md']);
    expectGolden('notes.md', files.get('notes.md')!);
  });

  it('writes one file per article with YAML front matter, #tags, block quotes and links to the index', () => {
    const files = renderToStrings(
      renderExport('md', fixedArticles(), fixedSettings({ layout: 'per-article', citationStyle: 'chicago' }), 'notes'),
    );
    expect(files.size).toBe(6);
    const name = [...files.keys()].find((n) => n.includes('anadolu'))!;
    expect(name).toBe('2025-10-12-anadolu-agency-syrias-security-is-inseparable-from-türkiye-fidan.md');
    const md = files.get(name)!;
    expectGolden('per-article/anadolu.md', md);
    const fm = parse(md.split('---\n')[1]!) as Record<string, unknown>;
    expect(fm).toMatchObject({
      title: "Syria's security is inseparable from Türkiye: Fidan",
      outlet: 'Anadolu Agency',
      date: '2025-10-12',
      tags: ['outlet/aa', 'actor/turkiye'],
      annotations: 2,
    });
    expect(fm.url).toMatch(/^https:\/\/www\.aa\.com\.tr\//);
    expect(md).toContain(
      "> We don’t view Syria's security as separate from Türkiye's security.\n>\n> — [[2025-10-12-anadolu-agency-syrias-security-is-inseparable-from-türkiye-fidan|Anadolu Agency, 12 October 2025]] ^n0000000000000a1",
    );
    expect(md).toContain('Tags: #claim/quote #actor/fidan · Colour: yellow');
    expect(md).toContain('Back to [[notes|Parallax notes — whole notebook]]');
    // Chicago through the CSL processor: author, "headline," newspaper, date, URL.
    expect(md).toContain(
      'Reference: Staff Reporter. “Syria’s security is inseparable from Türkiye: Fidan.” *Anadolu Agency*, October 12, 2025. https://www.aa.com.tr/en/turkiye/syrias-security-is-inseparable-from-turkiye-fidan/3000000.',
    );
    const index = files.get('notes.md')!;
    expect(index).toContain(`- [[${name.replace(/\.md$/, '')}|Syria's security is inseparable from Türkiye: Fidan]]`);
    expect(index).toMatch(/## References\n\n- /);
  });

  it('keeps article text literal: no emphasis, HTML or headings sneak in from a quote', () => {
    expect(escapeMarkdown('# not a heading <script>*x*</script> [link](javascript:x)')).toBe(
      '\\# not a heading \\<script\\>\\*x\\*\\</script\\> \\[link\\](javascript:x)',
    );
    expect(escapeMarkdown('see https://example.org/a_b_c for_more')).toBe('see https://example.org/a_b_c for\\_more');
  });

  it('adds the clean text when asked, and a story comparison table when the scope has one', () => {
    const s = {
      ...fixedSettings({ includeText: true }),
      comparison: { markdown: '| claim | AA |\n|---|---|\n| quote | yes |', html: '<table></table>' },
    };
    const md = renderToStrings(renderExport('md', fixedArticles().slice(0, 1), s, 'x')).get('x.md')!;
    expect(md).toContain('### Text\n\nOfficials discussed a range of mutual topics');
    expect(md).toContain('## Comparison\n\n| claim | AA |');
  });
});

describe('CSV export', () => {
  it('matches the golden file, one row per annotation, CRLF records', () => {
    const csv = renderToStrings(renderExport('csv', fixedArticles(), fixedSettings(), 'notes')).get('notes.csv')!;
    expectGolden('notes.csv', csv);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 8);
    const byId = new Map(rows.slice(1).map((r) => [r[12], r]));
    expect(byId.get('n0000000000000b1')![7]).toBe('Spelling: al-Shibani\nSee also al-Shaibani, Al-Sheebani.');
    expect(byId.get('n0000000000000d2')![6]).toBe("\"We do not see Syria's security as separate from Turkey's security.");
    expect(byId.get('n0000000000000d3')![10]).toBe('orphaned');
    expect(byId.get('n0000000000000d1')![8]).toBe('claim/discrepancy; needs check');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(v).replace(/^"|"$/g, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });

  it('reads back hostile cells exactly: quotes, commas, line breaks, backticks, pipes, HTML and formulas', () => {
    const [a] = fixedArticles().filter((x) => x.annotations.length);
    const title = '`tick` | pipe, "quoted" <img src=x onerror=alert(1)>\r\nnext line';
    const note = '=HYPERLINK("javascript:alert(1)") | `code` ,;\n| a | b |';
    const hostile = { ...a!, title, url: 'https://evil.example/"><x>', annotations: [{ ...a!.annotations[0]!, note }] };
    const rows = readCsv(renderToStrings(renderExport('csv', [hostile], fixedSettings(), 'n')).get('n.csv')!);
    expect(rows).toHaveLength(2);
    expect(rows[1]![2]).toBe(title);
    expect(rows[1]![5]).toBe('https://evil.example/"><x>');
    expect(rows[1]![7]).toBe(`'${note}`);
  });

  it('starts with a UTF-8 byte order mark only when asked', () => {
    const withBom = renderToStrings(renderExport('csv', fixedArticles(), fixedSettings({ bom: true }), 'n')).get('n.csv')!;
    expect(withBom.startsWith(`${UTF8_BOM}Created,`)).toBe(true);
    expect(renderToStrings(renderExport('csv', [], fixedSettings(), 'n')).get('n.csv')).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
