import { z } from 'zod';
import { StoryId } from './compare';
import { ArticleId, ShortText } from './primitives';
import { TagName } from './tags';

/**
 * `articles.importUrl`: an article fetched from a web address (services/web/). The address is checked once
 * more when it is fetched (http and https only, no user name or password in it; a bare `example.org/a` is
 * read as https), and every redirect is checked the same way.
 */
export const ImportUrlInput = z
  .object({
    url: ShortText(2048).refine((s) => s.trim().length > 0, 'type a web address (https://…)'),
    tag: TagName.optional(),
    storyId: StoryId.optional(),
  })
  .strict();
export type ImportUrlInput = z.input<typeof ImportUrlInput>;

export const ImportUrlResult = z.object({
  id: ArticleId,
  title: z.string(),
  /** The page's text was already in the notebook: this is that article (the tag and story were still applied). */
  duplicate: z.boolean(),
  /** Where the page was in the end, after redirects: the address the article keeps. */
  url: z.string(),
});
export type ImportUrlResult = z.infer<typeof ImportUrlResult>;
