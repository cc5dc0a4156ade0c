import type { CompareResult, RelatedItem } from '../../contract';
import { AppError } from '../../contract/errors';
import { compareSteps } from '../../core/compare/compare-articles';
import type { CompareProgress } from '../../core/compare/compare-articles';
import type { CompareLimits } from '../../core/compare/budget';
import { BudgetExceeded, WorkBudget, budgetMessage } from '../../core/compare/budget';
import type { Profile } from '../../core/compare/related';
import { articleProfile, rankRelated } from '../../core/compare/related';
import type { CompareInput } from '../../core/compare/sentences';

/**
 * The heavy work of the compare feature, as jobs for the compare worker (compare-worker.ts) or, when no
 * worker can start, for the calling thread: a comparison, and related coverage over profiles the worker
 * keeps (so the notebook's articles are read and profiled once, not on every call).
 */
export type ProfileSource = { id: string; updatedAt: string; title: string; body: string; publishedAt: string | null };

export type CompareJobs = {
  compare: {
    input: { inputs: CompareInput[]; limits?: CompareLimits; maxWork: number; timeLimitMs: number };
    output: CompareResult;
  };
  /** Profile these articles (or remember that one could not be read) for later `related` jobs. */
  profile: {
    input: { articles: ProfileSource[]; unreadable: Array<{ id: string; updatedAt: string }> };
    output: { skipped: string[] };
  };
  /**
   * Rank the notebook's articles (`entries`: every id with its edit time) against `target`. Answers
   * `missing` with the articles it has no current profile of: send them with `profile`, then ask again.
   */
  related: {
    input: { target: string; entries: Array<[id: string, updatedAt: string]>; limit: number };
    output: { missing: string[] } | { items: RelatedItem[] };
  };
};
export type CompareJobKind = keyof CompareJobs;
export type CompareJob = { [K in CompareJobKind]: { kind: K; input: CompareJobs[K]['input'] } }[CompareJobKind];

/** What a worker's reports look like: the comparison's steps. */
export type JobProgress = CompareProgress;

/** Profiles by article, each with the edit time it was made at; null for an article that could not be profiled. */
export class ProfileCache {
  private readonly byId = new Map<string, { updatedAt: string; profile: Profile | null }>();

  get size(): number {
    return this.byId.size;
  }

  profile(input: CompareJobs['profile']['input']): CompareJobs['profile']['output'] {
    const skipped: string[] = [];
    for (const a of input.articles) {
      let profile: Profile | null = null;
      try {
        profile = articleProfile(a);
      } catch (e) {
        // One article that cannot be profiled is left out of related coverage; the others are not.
        console.error(`[parallax] related coverage leaves out article ${a.id}:`, (e as Error)?.message ?? e);
        skipped.push(a.id);
      }
      this.byId.set(a.id, { updatedAt: a.updatedAt, profile });
    }
    for (const u of input.unreadable) {
      this.byId.set(u.id, { updatedAt: u.updatedAt, profile: null });
      skipped.push(u.id);
    }
    return { skipped };
  }

  related({ target, entries, limit }: CompareJobs['related']['input']): CompareJobs['related']['output'] {
    const missing: string[] = [];
    const all: Profile[] = [];
    const alive = new Set<string>();
    for (const [id, updatedAt] of entries) {
      alive.add(id);
      const cached = this.byId.get(id);
      if (!cached || cached.updatedAt !== updatedAt) missing.push(id);
      else if (cached.profile) all.push(cached.profile);
    }
    if (missing.length) return { missing };
    // Articles deleted since are forgotten, so the cache holds the notebook and no more.
    for (const id of [...this.byId.keys()]) if (!alive.has(id)) this.byId.delete(id);
    const own = all.find((p) => p.id === target);
    if (!own) return { items: [] };
    return { items: rankRelated(own, all, limit) };
  }
}

/** Run one comparison under its budget; a budget that runs out becomes a clear TOO_LARGE (or CANCELLED). */
export function runCompare(input: CompareJobs['compare']['input'], progress: (p: JobProgress) => void): CompareResult {
  const budget = new WorkBudget({ maxWork: input.maxWork, deadline: performance.now() + input.timeLimitMs, now: () => performance.now() });
  const steps = compareSteps(input.inputs, { limits: input.limits, budget });
  try {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      progress(r.value);
    }
  } catch (e) {
    if (e instanceof BudgetExceeded)
      throw new AppError(
        e.reason === 'cancelled' ? 'CANCELLED' : 'TOO_LARGE',
        budgetMessage(e, { seconds: Math.max(1, Math.round(input.timeLimitMs / 1000)) }),
      );
    throw e;
  }
}

/** One job, on the thread that holds `cache`. */
export function runJob(job: CompareJob, cache: ProfileCache, progress: (p: JobProgress) => void): unknown {
  switch (job.kind) {
    case 'compare':
      return runCompare(job.input, progress);
    case 'profile':
      return cache.profile(job.input);
    case 'related':
      return cache.related(job.input);
  }
}

/**
 * A first comparison in a fresh thread pays for loading the gazetteer and compiling the code (a few
 * hundred milliseconds); a worker does it as it starts, so the first comparison a person asks for does not.
 */
export function warmUp(): void {
  const article = (id: string, body: string): CompareInput => ({
    id,
    title: id,
    outlet: null,
    publishedAt: null,
    language: 'en',
    body,
    blocks: [{ kind: 'paragraph', text: '', reason: null, lang: 'en', post: null, start: 0, end: body.length }],
  });
  const a = article('warmup0000000001', 'Turkey’s foreign minister Hakan Fidan said on Sunday: “We met in Ankara.” Talks went on.');
  const b = article(
    'warmup0000000002',
    'Türkiye’s Foreign Minister Fidan told reporters they had met in Ankara on Sunday. Talks continued.',
  );
  runCompare({ inputs: [a, b], maxWork: Infinity, timeLimitMs: 60_000 }, () => undefined);
  rankRelated(articleProfile({ ...a, publishedAt: null }), [articleProfile({ ...b, publishedAt: null })], 1);
}
