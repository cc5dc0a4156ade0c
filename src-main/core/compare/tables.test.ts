import { describe, expect, it } from 'vitest';
import { toCsv, toHtml, toMarkdown } from './tables';

const t = {
  title: 'T',
  columns: ['a', 'b'],
  rows: [
    ['=SUM(A1)', 'x, "y"'],
    ['<script>alert(1)</script>', 'p|q'],
  ],
};

describe('comparison tables', () => {
  it('CSV quotes cells and defuses formulas', () => {
    expect(toCsv(t)).toBe('a,b\r\n\'=SUM(A1),"x, ""y"""\r\n<script>alert(1)</script>,p|q\r\n');
  });
  it('HTML escapes every cell', () => {
    expect(toHtml(t)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(toHtml(t)).not.toContain('<script>');
  });
  it('Markdown escapes pipes', () => {
    expect(toMarkdown(t)).toContain('p\\|q');
  });
});
