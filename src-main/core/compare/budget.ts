/**
 * What one comparison may take in and spend. Two guards, at levels that hold whatever the algorithms
 * become:
 *   - limits on the input, applied before anything is aligned: characters and sentences per article, and
 *     sentences in all (so work and memory are bounded however large the imported files are);
 *   - a budget of work and time that the steps draw on, so a case the limits did not foresee (text made of
 *     one sentence repeated, which makes every pair of sentences similar) stops with a clear reason instead
 *     of running on.
 * Both are plain values passed in; the core reads no clock of its own (`now` is given).
 */
export type CompareLimits = {
  /** Characters of an article's clean text the comparison reads; text after this is left out. */
  maxCharsPerArticle: number;
  /** Sentences of one article the comparison takes in (the first ones). */
  maxSentencesPerArticle: number;
  /** Sentences of all the articles together; when over, each article keeps an equal share (see `shareSentences`). */
  maxSentencesTotal: number;
};

/**
 * A long news article has about 500 sentences; 1,000 is 20,000 words. 12,000 in all lets 100 articles of
 * 2,000 words (the most one comparison takes) through whole. Two 1.5 MB articles compared whole (12,000
 * sentences each) took minutes and a gigabyte; at these limits they take seconds.
 */
export const DEFAULT_LIMITS: CompareLimits = {
  maxCharsPerArticle: 1_000_000,
  maxSentencesPerArticle: 1_000,
  maxSentencesTotal: 12_000,
};

/** Why a budget stopped the work. */
export type BudgetReason = 'work' | 'time' | 'cancelled';

/** Thrown by a budget when work must stop; the service turns it into a clear message (see `budgetMessage`). */
export class BudgetExceeded extends Error {
  constructor(
    readonly reason: BudgetReason,
    /** The step that was running ("similarity"). */
    readonly stage: string,
  ) {
    super(`the comparison was stopped (${reason}) during ${stage}`);
    this.name = 'BudgetExceeded';
  }
}

export type BudgetOptions = {
  /** Units of work allowed (a unit is about one inner-loop step: a candidate pair scored, a sentence read). */
  maxWork?: number;
  /** Stop once `now()` passes this. */
  deadline?: number;
  now?: () => number;
  /** Polled with the clock: true stops the work at once. */
  cancelled?: () => boolean;
};

/** How often (in units spent) the clock and the cancel flag are read: cheap enough for inner loops. */
const CLOCK_EVERY = 16_384;

/**
 * A counter the steps of a comparison draw on. `spend(n)` is cheap (an addition and a comparison); every
 * CLOCK_EVERY units it also reads the clock and the cancel flag. `check(stage)` reads them at once: the
 * steps call it between themselves.
 */
export class WorkBudget {
  spent = 0;
  private stage = 'start';
  private nextClock = CLOCK_EVERY;
  private readonly maxWork: number;

  constructor(private readonly opts: BudgetOptions = {}) {
    this.maxWork = opts.maxWork ?? Infinity;
  }

  /** Name the step now running (for the message if it stops), and check time and cancellation. */
  enter(stage: string): void {
    this.stage = stage;
    this.check();
  }

  spend(units: number): void {
    this.spent += units;
    if (this.spent > this.maxWork) throw new BudgetExceeded('work', this.stage);
    if (this.spent >= this.nextClock) {
      this.nextClock = this.spent + CLOCK_EVERY;
      this.check();
    }
  }

  check(): void {
    if (this.opts.cancelled?.()) throw new BudgetExceeded('cancelled', this.stage);
    if (this.opts.deadline !== undefined && this.opts.now && this.opts.now() > this.opts.deadline)
      throw new BudgetExceeded('time', this.stage);
  }
}

/** A budget that never stops anything: what an in-process caller without limits of its own gets. */
export const unlimitedBudget = (): WorkBudget => new WorkBudget();

/**
 * How many sentences each article keeps: its own count, at most `maxSentencesPerArticle`, and when the
 * total is over `maxSentencesTotal`, an equal share (the largest `level` such that the sum of
 * min(count, level) fits), so a few long articles give way before short ones lose anything.
 */
export function shareSentences(counts: number[], limits: Pick<CompareLimits, 'maxSentencesPerArticle' | 'maxSentencesTotal'>): number[] {
  const capped = counts.map((c) => Math.min(c, limits.maxSentencesPerArticle));
  const total = capped.reduce((s, c) => s + c, 0);
  if (total <= limits.maxSentencesTotal) return capped;
  const sorted = [...capped].sort((a, b) => a - b);
  let left = limits.maxSentencesTotal;
  let level = 0;
  for (let i = 0; i < sorted.length; i++) {
    const each = Math.floor(left / (sorted.length - i));
    if (sorted[i]! > each) {
      level = each;
      break;
    }
    left -= sorted[i]!;
    level = sorted[i]!;
  }
  return capped.map((c) => Math.min(c, level));
}

/** The steps of `compareSteps`, as a sentence says them. */
const STAGE_WORDS: Record<string, string> = {
  start: 'reading the articles',
  sentences: 'splitting the articles into sentences',
  entities: 'grouping the names',
  similarity: 'finding similar sentences',
  alignment: 'aligning the sentences',
  claims: 'clustering the claims',
  quotes: 'matching the quotes',
  conflicts: 'looking for conflicts',
};

const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** What the user reads when a budget stopped a comparison. */
export function budgetMessage(e: BudgetExceeded, opts: { seconds?: number } = {}): string {
  if (e.reason === 'cancelled') return 'The comparison was cancelled.';
  const why =
    e.reason === 'time'
      ? `it took longer than the ${opts.seconds ? plural(opts.seconds, 'second') : 'time'} one comparison may take`
      : 'it needed more work than one comparison may do (the articles repeat the same sentences many times)';
  return `The comparison was stopped while ${STAGE_WORDS[e.stage] ?? e.stage}: ${why}. Compare fewer articles, or shorter ones.`;
}
