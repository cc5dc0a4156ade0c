import type { Handlers } from '../../contract';
import { AppError } from '../../contract/errors';

/** The other features a single-article import (a page from the browser, a web address) files its article with. */
export type FilingHandlers = Pick<Handlers, 'articles.tag' | 'stories.add' | 'stories.list'>;

/** Refuse a story that does not exist before anything is fetched or saved, so the refusal leaves nothing behind. */
export async function checkStoryExists(handlers: FilingHandlers, storyId: string | undefined, where: string): Promise<void> {
  if (storyId && !(await handlers['stories.list']({})).stories.some((s) => s.id === storyId))
    throw new AppError('NOT_FOUND', `No story numbered ${storyId}; choose another ${where}. Nothing was saved`);
}

/** Give an imported (or already present) article the tag and the story chosen with it. */
export async function fileImported(
  handlers: FilingHandlers,
  id: string,
  { tag, storyId }: { tag?: string; storyId?: string },
): Promise<void> {
  if (tag) await handlers['articles.tag']({ id, add: [tag], remove: [] });
  if (storyId) await handlers['stories.add']({ id: storyId, articleIds: [id] });
}
