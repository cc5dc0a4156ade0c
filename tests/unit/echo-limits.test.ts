/**
 * Error messages repeat what was wrong, never all of it: a 5 MB value (a tag, a key, a file's content, an
 * argument) or a 4,096-character path comes back cut to a few hundred characters (`clip` in the contract),
 * in errors and in the per-file messages of an import report alike.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src-main/contract';
import { dispatch } from '../helpers/api';
import { annotatedBackend } from '../helpers/annotated-backend';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const A = 'a0000000000000aa';
const BIG = 'x'.repeat(5 * 1024 * 1024);
const LONG_PATH = `/${'p'.repeat(4000)}/notes.txt`;
/** The longest message a case may produce: the largest clip (1,000 for validation issues) and its wording. */
const BOUND = 1_100;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const w3c = (extra: Record<string, unknown>) =>
  b64(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', ...extra }));

/** Every message in a Result: its error, or the messages of an import report. */
function messages(r: Result<unknown>): string[] {
  if (!r.ok) return [r.error.message];
  const report = r.value as { errors?: Array<{ message: string }> };
  return (report.errors ?? []).map((e) => e.message);
}

describe('error messages with 5 MB inputs', () => {
  it('stay short on every method that can receive one', { timeout: 120_000 }, async () => {
    const b = await annotatedBackend(join(tempDir(), 'nb'));
    const [annotation] = (await b.handlers['annotations.list']({ articleId: A, sort: 'position', offset: 0, limit: 1 })).items;
    const { article: _article, ...stored } = annotation!;
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'annotations.restore',
        { annotation: { ...stored, id: 'zz00000000000001', tags: [BIG] } },
        /^Invalid tag "x+…": a tag is at most 120/,
      ],
      ['articles.update', { id: A, patch: { [BIG]: 'x' } }, /Unrecognized key/],
      ['articles.importFiles', { files: [{ name: 'a.json', contentBase64: b64(BIG) }] }, /not valid JSON/],
      ['articles.importFiles', { files: [{ name: 'a.json', contentBase64: w3c({ id: BIG, target: BIG }) }] }, /not a valid Web Annotation/],
      ['articles.importFiles', { files: [{ name: 'n'.repeat(1000) + '.json', contentBase64: b64(`{"${BIG}": 1}`) }] }, /@context/],
      ['articles.importPaths', { paths: [LONG_PATH] }, /cannot be read|does not exist/],
      ['articles.replaceText', { id: A, source: 'reimport', contentBase64: b64('\u0000'.repeat(64)), file: LONG_PATH }, /binary/],
      ['export.write', { format: 'md', folder: LONG_PATH }, /does not exist/],
      ['annotations.create', { articleId: A, target: { quote: { exact: 'q'.repeat(100_000) } } }, /is not in the article's text/],
      [BIG, {}, /^Unknown method/],
    ];
    for (const [method, payload, expected] of cases) {
      const r = await dispatch(b.handlers, method, payload);
      const found = messages(r);
      expect(found.length, method.slice(0, 40)).toBeGreaterThan(0);
      for (const m of found) {
        expect(m, method.slice(0, 40)).toMatch(expected);
        expect(m.length, `${method.slice(0, 40)}: ${m.slice(0, 200)}`).toBeLessThanOrEqual(BOUND);
      }
    }
    // A long path keeps its end, where the file's name is.
    const missing = messages(await dispatch(b.handlers, 'articles.importPaths', { paths: [LONG_PATH] }))[0]!;
    expect(missing).toMatch(/…p+\/notes\.txt (cannot be read|does not exist)/);
    await b.close();
  });

  it('stay short on the command line', async () => {
    const r = await cli([BIG.slice(0, 1024 * 1024)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/parallax: unknown command 'x+…/);
    expect(r.stderr.length).toBeLessThanOrEqual(2_100);
  });
});
