import type { TagCredit } from '../../contract/articles';

/**
 * Who put each tag on an article, as stored beside its tags (ADR 007: every tag says who made it). `by` is
 * absent for a tag put on before the notebook had a user name in its team: it is this notebook's user's,
 * named when it is sent. Kept as a list, not a record keyed by tag: a tag may be called `__proto__`.
 */
export type StoredTagCredit = { tag: string; by?: string; at: string };

/** A new credit: `by` (null outside a team) put `tag` on at `at`. */
export const creditOf = (tag: string, by: string | null, at: string): StoredTagCredit => ({ tag, ...(by ? { by } : {}), at });

/**
 * The credits once an article's tags went from `before` to `after`: tags new to it are credited by
 * `newCredit`, those still on it keep theirs (or none, for one put on before tags said who added them), and
 * the credits of tags taken off go.
 */
export function creditTags(
  credits: readonly StoredTagCredit[] | undefined,
  before: readonly string[],
  after: readonly string[],
  newCredit: (tag: string) => StoredTagCredit,
): StoredTagCredit[] {
  const had = new Set(before);
  const known = new Map((credits ?? []).map((c) => [c.tag, c]));
  const out: StoredTagCredit[] = [];
  for (const tag of after) {
    const kept = had.has(tag) ? known.get(tag) : undefined;
    if (kept) out.push(kept);
    else if (!had.has(tag)) out.push(newCredit(tag));
  }
  return out;
}

/**
 * The credits once another copy's change arrived, which put `added` on (`sent`: who put each on there). A
 * tag both copies put on keeps the earlier credit, so every copy names the same person whatever order the
 * syncs ran in.
 */
export function creditArrived(
  credits: readonly StoredTagCredit[] | undefined,
  before: readonly string[],
  after: readonly string[],
  added: readonly string[],
  sent: (tag: string) => StoredTagCredit,
): StoredTagCredit[] {
  const theirs = new Set(added);
  return creditTags(credits, before, after, sent).map((c) => {
    if (!theirs.has(c.tag)) return c;
    const other = sent(c.tag);
    return other.at < c.at ? other : c;
  });
}

/**
 * The credits after a rename, merge or delete (`edit` maps one tag to what it becomes: null when
 * unchanged, an empty list when removed): a renamed tag keeps who put it on. On a merge of two tags the
 * article had, the credit of the first in the list stays.
 */
export function followTagEdit(credits: readonly StoredTagCredit[] | undefined, edit: (tags: string[]) => string[] | null): StoredTagCredit[] {
  const out = new Map<string, StoredTagCredit>();
  for (const c of credits ?? []) {
    const next = edit([c.tag]);
    const tag = next === null ? c.tag : next[0];
    if (tag !== undefined && !out.has(tag)) out.set(tag, { ...c, tag });
  }
  return [...out.values()];
}

/** The credits as the API shows them: one per tag, in the article's order; `user` names an unnamed one. */
export function tagCreditsOf(tags: readonly string[], credits: readonly StoredTagCredit[] | undefined, user: string | null = null): TagCredit[] {
  const known = new Map((credits ?? []).map((c) => [c.tag, c]));
  return tags.map((tag) => {
    const c = known.get(tag);
    return { tag, by: c?.by ?? (c ? user : null), at: c?.at ?? null };
  });
}
