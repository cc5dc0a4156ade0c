import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './seeds';

/**
 * Compare `actual` with the golden file tests/fixtures/golden/<name>. Run with UPDATE_GOLDEN=1 to (re)write
 * it after a deliberate change, then review the diff in git like any other change.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(repoRoot, 'tests', 'fixtures', 'golden', name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    if (!process.env.UPDATE_GOLDEN) throw new Error(`golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
