import { z } from 'zod';

/**
 * How much work one query may do before its answer says it is approximate. Injected into the engine (and
 * from it into runQuery) so tests can set them low and reach, with a few dozen articles, the cases a
 * notebook of 100k articles reaches with common words.
 */
export type EngineLimits = {
  /**
   * Documents read from flexsearch per call while walking a word's list. Every page is read to the end,
   * so this bounds a call's size, never the candidates: all-words and phrase queries miss no document.
   */
  listPage: number;
  /** Words a prefix (`elect*`) expands to, the most frequent first; with more, the answer is approximate. */
  prefixExpansions: number;
  /**
   * Phrase candidates checked on the text beyond the requested page, so the total is exact. With more
   * candidates left, the total is estimated and the answer is approximate (`exhaustive` checks them all).
   */
  exactPhraseChecks: number;
};

export const ENGINE_LIMITS: Readonly<EngineLimits> = Object.freeze({
  listPage: 25_000,
  prefixExpansions: 64,
  exactPhraseChecks: 100,
});

const Limits = z
  .object({
    listPage: z.number().int().min(1),
    prefixExpansions: z.number().int().min(1),
    exactPhraseChecks: z.number().int().min(0),
  })
  .partial()
  .strict();

/**
 * PARALLAX_SEARCH_LIMITS, a JSON object overriding some of ENGINE_LIMITS (`{"exactPhraseChecks":2}`), or
 * ENGINE_LIMITS when unset. Only web mode reads it: end-to-end tests use it to make answers approximate on
 * a small notebook. A malformed value is refused with the reason rather than silently ignored.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): EngineLimits {
  const raw = env.PARALLAX_SEARCH_LIMITS;
  if (raw === undefined || raw === '') return ENGINE_LIMITS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error('PARALLAX_SEARCH_LIMITS must be a JSON object, e.g. {"exactPhraseChecks":2}');
  }
  const parsed = Limits.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`PARALLAX_SEARCH_LIMITS: ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  return { ...ENGINE_LIMITS, ...parsed.data };
}
