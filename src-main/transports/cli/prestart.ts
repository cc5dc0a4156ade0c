/**
 * Entry of out/main/prestart.js, which bin/parallax.mjs loads before the CLI itself. Web mode (`serve`)
 * searches at once, and at 100k articles loading the saved index is the longest part of its start; here
 * the search worker starts loading it while the CLI's modules (~0.45 s) are still being loaded. It only
 * reads the index; the notebook is opened (and locked) by the CLI as before, which takes this worker over
 * when it opens the same folder (services/search/early-index.ts).
 *
 * Kept small on purpose: it must not import the CLI's modules, or it would wait for them itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveNotebookDir } from '../../services/app-paths';
import { prestartIndex } from '../../services/search/early-index';
import { limitsFromEnv } from '../../services/search/engine-limits';
import { commandAndNotebook } from './command-line';

/** Start loading the search index when the command line is web mode on a notebook that has a saved one. */
export function prestart(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const { command, notebook } = commandAndNotebook(argv);
  if (command !== 'serve') return false;
  const root = resolveNotebookDir(notebook, env);
  if (!existsSync(join(root, 'index', 'manifest.json'))) return false;
  let limits;
  try {
    limits = limitsFromEnv(env);
  } catch {
    return false; // the serve command refuses the value, with the reason
  }
  return prestartIndex(root, limits) !== null;
}
