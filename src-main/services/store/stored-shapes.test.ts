import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../tests/helpers/seeds';
import { toCatalogEntry } from '../../core/article/article-record';
import { buildRecord } from '../importer/build-record';
import { retryTransient } from './io-errors';
import { CatalogRow, articleProblem, isCatalogRow, shardProblem } from './stored-shapes';

const record = buildRecord(
  { file: '001_.txt', load: () => ({ text: readSeed('001_'), encoding: 'utf-8' }) },
  { text: readSeed('001_'), encoding: 'utf-8' },
  '2026-01-01T00:00:00.000Z',
);
const row = toCatalogEntry(record);

describe('stored shapes', () => {
  it('the hand-written row check says exactly what the row schema says, for rows with any field changed or dropped', () => {
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.stringMatching(/^[0-9a-f]{2}[a-z0-9]{6,30}$/),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    );
    const keys = Object.keys(row);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 3 }), (changes) => {
        const candidate: Record<string, unknown> = { ...row };
        for (const [k, v] of changes) {
          if (v === undefined) delete candidate[k];
          else candidate[k] = v;
        }
        expect(isCatalogRow(candidate)).toBe(CatalogRow.safeParse(candidate).success);
      }),
      { numRuns: 3000, seed: 16 },
    );
    for (const v of [null, [], 'row', 1, [row]]) expect(isCatalogRow(v)).toBe(false);
    expect(isCatalogRow(row)).toBe(true);
  });

  it('a shard is sound only with a table of rows, each filed under its own id in its own shard', () => {
    const shard = row.id.slice(0, 2);
    expect(shardProblem({ entries: { [row.id]: row } }, shard)).toBeNull();
    expect(shardProblem({ entries: {} }, shard)).toBeNull();
    expect(shardProblem({ entries: null }, shard)).toMatch(/"entries" is not a table of rows/);
    expect(shardProblem([], shard)).toMatch(/not a catalog shard/);
    expect(shardProblem({ entries: { [row.id]: { ...row, title: 7 } } }, shard)).toMatch(/is not a catalog row/);
    expect(shardProblem({ entries: { other0000000001: row } }, shard)).toMatch(/filed under the wrong id/);
    expect(shardProblem({ entries: { [row.id]: row } }, shard === 'ff' ? 'fe' : 'ff')).toMatch(/filed under the wrong id or shard/);
  });

  it('an article record is checked for the structure the code relies on, not for the limits of new input', () => {
    expect(articleProblem(record, record.id)).toBeNull();
    expect(articleProblem(record, 'ab00000000000000')).toMatch(/holds another article/);
    expect(articleProblem({ ...record, annotations: null }, record.id)).toMatch(/^it is not an article record \(annotations: /);
    expect(articleProblem({ ...record, analysis: { ...record.analysis, blocks: 'x' } }, record.id)).toMatch(/analysis\.blocks/);
    // A quote longer than the API takes today, or a colour of a later version's list, must not make an
    // article unreadable: only its structure is checked.
    const annotation = {
      id: 'an00000001',
      articleId: record.id,
      createdAt: 'x',
      updatedAt: 'x',
      color: 'yellow',
      note: '',
      tags: [],
      quote: { exact: 'x'.repeat(200_000), prefix: '', suffix: '' },
      position: { start: 0, end: 200_000 },
      anchor: { status: 'orphaned', start: null, end: null },
    };
    expect(articleProblem({ ...record, annotations: [annotation] }, record.id)).toBeNull();
    // Fields it does not know (a later version's) are kept, not a reason to refuse.
    expect(articleProblem({ ...record, addedLater: { x: 1 } }, record.id)).toBeNull();
  });

  it('who put each tag on is optional (records from before tags said so open) and checked when present', () => {
    const { tagCredits: _none, ...older } = { ...record, tags: ['ankara'] };
    expect(articleProblem(older, record.id)).toBeNull();
    expect(articleProblem({ ...record, tags: ['ankara'], tagCredits: [{ tag: 'ankara', by: 'Ada', at: '2026-12-02T10:00:00.000Z' }] }, record.id)).toBeNull();
    expect(articleProblem({ ...record, tagCredits: [{ tag: 'ankara', by: 7 }] }, record.id)).toMatch(/tagCredits/);
  });
});

describe('transient I/O errors', () => {
  const failing = (codes: string[]) => {
    let calls = 0;
    return {
      op: async () => {
        const code = codes[calls++];
        if (code) throw Object.assign(new Error(code), { code });
        return 'read';
      },
      calls: () => calls,
    };
  };

  it('are tried again with a backoff, and succeed once they pass', async () => {
    const f = failing(['EMFILE', 'EBUSY', 'EAGAIN', 'ENFILE']);
    await expect(retryTransient(f.op, [0, 0, 0, 0])).resolves.toBe('read');
    expect(f.calls()).toBe(5);
  });

  it('are reported once the retries are spent; other errors at once', async () => {
    const lasting = failing(['EMFILE', 'EMFILE', 'EMFILE']);
    await expect(retryTransient(lasting.op, [0, 0])).rejects.toMatchObject({ code: 'EMFILE' });
    expect(lasting.calls()).toBe(3);
    const denied = failing(['EACCES']);
    await expect(retryTransient(denied.op, [0, 0])).rejects.toMatchObject({ code: 'EACCES' });
    expect(denied.calls()).toBe(1);
  });
});
