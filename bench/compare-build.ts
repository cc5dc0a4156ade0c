/** A build of the comparison loaded from a checkout, for timing or checking two builds in one process. */
import { resolve } from 'node:path';
import type { CompareResult } from '../src-main/contract';
import type { CompareInput } from '../src-main/core/compare/sentences';

export type Build = { name: string; compare: (inputs: CompareInput[]) => CompareResult; forget: () => void };

/** A checkout's comparison and what it remembers between runs (older builds forget tokens and n-gram ids). */
export async function loadBuild(name: string, dir: string): Promise<Build> {
  const at = (p: string) => resolve(dir, 'src-main/core/compare', p);
  const { compareArticles } = (await import(at('compare-articles.ts'))) as { compareArticles: Build['compare'] };
  let forget: () => void;
  try {
    ({ forgetCompareCaches: forget } = (await import(at('caches.ts'))) as { forgetCompareCaches: () => void });
  } catch {
    const { forgetTokenCaches } = (await import(at('tokens.ts'))) as { forgetTokenCaches: () => void };
    const { forgetParaphraseIds } = (await import(at('paraphrase.ts'))) as { forgetParaphraseIds: () => void };
    forget = () => {
      forgetTokenCaches();
      forgetParaphraseIds();
    };
  }
  return { name, compare: (inputs) => compareArticles(inputs), forget };
}
