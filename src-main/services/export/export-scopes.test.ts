import { describe, expect, it } from 'vitest';
import { withSampleBackend } from '../../../tests/helpers/sample-backend';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { dispatch } from '../../../tests/helpers/api';

const tempDir = useTempDirs();

/** The story and search scopes, resolved by the stories and search features. */
describe('exporting a story or a search result', () => {
  it('a story exports its articles with its comparison table; a query exports what it finds', async () => {
    await withSampleBackend(tempDir(), async (b) => {
      const call = (m: string, p: unknown) => dispatch(b.handlers, m, p);
      const story = await call('export.run', { format: 'md', scope: { story: 'Turkish–Syrian security talks, Ankara (12 Oct 2025)' } });
      if (!story.ok) throw new Error(story.error.message);
      const v = story.value as { articleCount: number; contentBase64: string };
      expect(v.articleCount).toBe(5);
      const md = Buffer.from(v.contentBase64, 'base64').toString('utf8');
      // The coverage table (claims × outlets) is in the export, with the outlets the sample names.
      expect(md).toMatch(/\| *Claim *\|/i);
      expect(md).toContain('Shafaq News');
      expect(md).toContain('TRT World');

      const query = await call('export.run', { format: 'csl', scope: { query: 'outlet:trt' } });
      if (!query.ok) throw new Error(query.error.message);
      const items = JSON.parse(Buffer.from((query.value as { contentBase64: string }).contentBase64, 'base64').toString('utf8')) as Array<{
        'container-title'?: string;
      }>;
      expect(items).toHaveLength(1);
      expect(items[0]!['container-title']).toBe('TRT World');
    });
  });
});
