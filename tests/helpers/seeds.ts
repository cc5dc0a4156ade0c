import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The seeds ship with the app in resources/sample; tests read that copy so a plain clone is self-contained. */
export const seedsDir = join(repoRoot, 'resources', 'sample');
export const corporaDir = join(repoRoot, '..', 'shared', 'corpora');

export const seedFiles = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
export const readSeed = (prefix: string) => {
  const f = seedFiles.find((x) => x.startsWith(prefix));
  if (!f) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(seedsDir, f), 'utf8');
};

/** A public corpus folder, or null with a message saying why tests that need it are skipped. */
export function corpus(name: string): string | null {
  const dir = join(corporaDir, name);
  if (existsSync(dir)) return dir;
  console.warn(`[skip] ${name} is not at ${dir}; tests that need it are skipped (see ../shared/corpora/README.md)`);
  return null;
}
