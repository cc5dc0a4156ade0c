/**
 * Every API method, fed thousands of random and adversarial payloads through the same dispatcher the three
 * transports use. Nothing may throw, every answer is a Result, an invalid payload changes nothing, and
 * the notebook still opens cleanly afterwards with a consistent catalog.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src-main/contract';
import { openBackend } from '../../src-main/services/backend';
import { NotebookStore } from '../../src-main/services/store/notebook-store';
import { dispatch } from '../../src-main/transports/shared/dispatch';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const RUNS_PER_METHOD = Number(process.env.FUZZ_RUNS ?? 1500);

const nasty = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '../../../etc/passwd',
  '\u0000',
  '\u202e\u200f',
  'a'.repeat(100_000),
  '<script>alert(1)</script>',
  '${7*7}',
  '%s%n',
  '0123456789abcdef',
  '',
);
const deep = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
/** Objects built with real own __proto__ / constructor keys, as JSON.parse would produce them. */
const pollutingObject = fc
  .tuple(nasty, fc.anything({ maxDepth: 2 }))
  .map(([k, v]) =>
    JSON.parse(
      `{${JSON.stringify(k)}: ${JSON.stringify(v ?? null) ?? 'null'}, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}`,
    ),
  );
const payload = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
  pollutingObject,
  fc.record({ id: fc.oneof(nasty, fc.string()), patch: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.record(
    {
      paths: fc.array(fc.oneof(nasty, fc.string()), { maxLength: 3 }),
      files: fc.array(fc.record({ name: nasty, contentBase64: fc.base64String({ maxLength: 40 }) }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      sort: fc.oneof(nasty, fc.constantFrom('date', 'title')),
      limit: fc.oneof(fc.integer(), fc.double()),
      filter: nasty,
      offset: fc.integer(),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(deep(5_000), deep(50), null, undefined, [], 0, -1, NaN, Infinity, true, 'string', new Array(10_000).fill('x')),
);

describe('API fuzzing', () => {
  it(`${RUNS_PER_METHOD} random and adversarial payloads per method never crash and never corrupt the notebook`, async () => {
    const nb = join(tempDir(), 'nb');
    const backend = await openBackend(nb, { create: true, durability: 'none' });
    await backend.handlers['notebook.importSample']({});
    let calls = 0;
    for (const method of methodNames) {
      await fc.assert(
        fc.asyncProperty(payload, async (p) => {
          const before = backend.store.size;
          const r = await dispatch(backend.handlers, method, p);
          calls++;
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) {
            expect(typeof r.error.code).toBe('string');
            expect(r.error.message.length).toBeLessThan(5_000);
            if (r.error.code === 'BAD_INPUT') expect(backend.store.size).toBe(before);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_METHOD, seed: 20261122 },
      );
    }
    expect(calls).toBeGreaterThanOrEqual(10_000);
    await backend.close();
    const reopened = await NotebookStore.open(nb);
    expect(reopened.readOnly).toBe(false);
    for (const e of reopened.entries()) expect((await reopened.readArticle(e.id)).id).toBe(e.id);
  }, 300_000);
});
