import type { ExportScope } from '../../contract';
import { AppError } from '../../contract/errors';

/** A story, as the stories feature resolves it for an export. */
export type ResolvedStory = {
  title: string;
  articleIds: string[];
  /** The story's comparison table, rendered by the compare feature's pure renderers. */
  comparison?: { markdown: string; html: string; csv?: string };
};

/**
 * How `--story` and `--query` scopes become article ids. The stories (issue 5) and search (issue 3) features
 * provide these; until they are wired, a scope that needs one is refused with a clear message.
 */
export type ScopeResolvers = {
  story?: (name: string) => Promise<ResolvedStory>;
  query?: (query: string) => Promise<string[]>;
};

export type ScopeEntry = { id: string; tags: string[] };

/** Tags match exactly or as a parent: `claim` takes in `claim/attribution` (hierarchical tags). */
export function hasTag(tags: string[], tag: string): boolean {
  const t = tag.trim().replace(/^#/, '').toLowerCase();
  return tags.some((x) => {
    const y = x.toLowerCase();
    return y === t || y.startsWith(`${t}/`);
  });
}

export function scopeTitle(scope: ExportScope, storyTitle?: string): string {
  const parts: string[] = [];
  if (scope.story) parts.push(`Story: ${storyTitle ?? scope.story}`);
  if (scope.tag) parts.push(`Tag: ${scope.tag}`);
  if (scope.query) parts.push(`Search: ${scope.query}`);
  if (scope.articleIds?.length) parts.push(`${scope.articleIds.length} chosen article(s)`);
  return parts.length ? `Parallax notes — ${parts.join(', ')}` : 'Parallax notes — whole notebook';
}

/**
 * The ids an export may cover, in catalog order: chosen ids, story and query narrow it together. The tag is
 * applied per article once it is read (`applyTag`), because passages carry tags too.
 */
export async function resolveScope(
  scope: ExportScope,
  entries: Iterable<ScopeEntry>,
  resolvers: ScopeResolvers,
): Promise<{ ids: string[]; story: ResolvedStory | null }> {
  const all = [...entries];
  const known = new Set(all.map((e) => e.id));
  for (const id of scope.articleIds ?? []) if (!known.has(id)) throw new AppError('NOT_FOUND', `No article with id ${id}`);

  let story: ResolvedStory | null = null;
  const narrow: Array<Set<string>> = [];
  if (scope.articleIds?.length) narrow.push(new Set(scope.articleIds));
  if (scope.story !== undefined) {
    if (!resolvers.story)
      throw new AppError('UNSUPPORTED', 'Exporting a story is not available yet: the stories feature is not part of this build');
    story = await resolvers.story(scope.story);
    narrow.push(new Set(story.articleIds));
  }
  if (scope.query !== undefined) {
    if (!resolvers.query)
      throw new AppError('UNSUPPORTED', 'Exporting search results is not available yet: the search feature is not part of this build');
    narrow.push(new Set(await resolvers.query(scope.query)));
  }
  const ids = all.filter((e) => narrow.every((s) => s.has(e.id))).map((e) => e.id);
  return { ids, story };
}

/**
 * A tag scope on one article: an article tagged with it comes with all its notes; otherwise only its passages
 * tagged with it come, and an article with none is left out (null).
 */
export function applyTag<A extends { tags: string[]; annotations: Array<{ tags: string[] }> }>(a: A, tag: string | undefined): A | null {
  if (tag === undefined || hasTag(a.tags, tag)) return a;
  const annotations = a.annotations.filter((n) => hasTag(n.tags, tag));
  return annotations.length ? { ...a, annotations } : null;
}
