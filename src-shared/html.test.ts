import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html';
import { toHtml } from '../src-main/core/compare/tables';

describe('escapeHtml (the one used by the HTML report, the comparison tables and stored pages)', () => {
  it('escapes the five characters that matter in text and in quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
  it('is what the comparison tables use', () => {
    const html = toHtml({ title: `O'Brien <b>`, columns: ['a'], rows: [[`"x" & y`]] } as Parameters<typeof toHtml>[0]);
    expect(html).toContain('<title>O&#39;Brien &lt;b&gt;</title>');
    expect(html).toContain('<td dir="auto">&quot;x&quot; &amp; y</td>');
  });
});
