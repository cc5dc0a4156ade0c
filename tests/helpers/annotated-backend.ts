import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BackendOptions } from '../../src-main/services/backend';
import { openBackend } from '../../src-main/services/backend';
import { annotatedRecords } from './annotated-notebook';

/** A notebook on disk holding the fixed annotated notebook (tests/fixtures/annotated-notebook.json). */
export async function annotatedBackend(dir: string, opts: BackendOptions = {}) {
  const backend = await openBackend(dir, { create: true, durability: 'none', ...opts });
  await backend.store.putArticles(annotatedRecords());
  return backend;
}

/** Every file under `root` (relative path -> SHA-256), so a test can prove nothing changed or nothing was lost. */
export function snapshotDir(root: string, skip: (rel: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(root, p);
      if (skip(rel)) continue;
      if (e.isDirectory()) walk(p);
      else out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(root);
  return out;
}
