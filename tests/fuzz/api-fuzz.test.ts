/**
 * Every API method, fed thousands of random and adversarial payloads through the same dispatcher the three
 * transports use. Nothing may throw, every answer is a Result (never INTERNAL), an invalid payload changes
 * nothing, and the notebook still opens cleanly afterwards with a consistent catalog. http-fuzz.test.ts sends
 * payloads like these, and broken requests, through a real web-mode server.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src-main/contract';
import { openBackend } from '../../src-main/services/backend';
import { NotebookStore } from '../../src-main/services/store/notebook-store';
import { dispatch } from '../../src-main/transports/shared/dispatch';
import { useTempDirs } from '../helpers/temp-dir';
import { payload } from './payloads';

const tempDir = useTempDirs();
const RUNS_PER_METHOD = Number(process.env.FUZZ_RUNS ?? 1500);
/** Room for a 10x run by hand (FUZZ_RUNS=15000). */
const TIMEOUT_MS = Math.max(300_000, RUNS_PER_METHOD * 400);

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
            // INTERNAL means a handler threw something it did not mean to: a bug, whatever the payload.
            expect(r.error.code, `${method}: ${r.error.message}`).not.toBe('INTERNAL');
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
  }, TIMEOUT_MS);
});
