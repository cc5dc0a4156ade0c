import { useState } from 'react';
import type { ArticleDetail } from '@contract';
import { tagCreditText } from '@shared/tag-credit';
import { formatDate } from '../../lib/format';
import { tagArticle } from './tag-actions';
import type { ChipCredit } from './TagChip';
import { TagChip } from './TagChip';
import { TagInput } from './TagInput';
import { useTags } from './use-tags';

/** The article's own tags, under its metadata: chips to remove (each saying who put it on), a field with autocomplete to add. */
export function ArticleTagEditor({ article, onError }: { article: ArticleDetail; onError: (m: string) => void }) {
  const { tags } = useTags();
  const [adding, setAdding] = useState(false);
  const credits = new Map<string, ChipCredit>();
  for (const c of article.tagCredits) {
    const text = tagCreditText(c, formatDate);
    if (text) credits.set(c.tag, { text, spoken: c.by !== null });
  }
  const run = (change: { add?: string[]; remove?: string[] }) =>
    tagArticle(article.id, article.tags, change).catch((e: Error) => onError(e.message));
  return (
    <div className="article-tags">
      <span className="field__label" id="article-tags-label">
        Article tags
      </span>
      <ul className="tag-list" aria-labelledby="article-tags-label">
        {article.tags.map((t) => (
          <TagChip key={t} name={t} tags={tags} credit={credits.get(t)} onRemove={() => void run({ remove: [t] })} />
        ))}
        {!adding && (
          <li>
            <button type="button" className="link-button" onClick={() => setAdding(true)}>
              + Tag article
            </button>
          </li>
        )}
      </ul>
      {adding && (
        <TagInput
          label="Add a tag to this article"
          autoFocus
          exclude={article.tags}
          onAdd={(t) => void run({ add: [t] })}
          onDone={() => setAdding(false)}
        />
      )}
    </div>
  );
}
