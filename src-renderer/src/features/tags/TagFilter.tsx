import { plural } from '../../lib/format';
import { TagOptions } from './TagOptions';
import { useTags } from './use-tags';

/**
 * Show only articles with a tag, or one of its children (`topic` includes `topic/security`), on the
 * article itself or on any of its passages.
 */
export function TagFilter({ value, onChange }: { value: string; onChange: (tag: string) => void }) {
  const { tags } = useTags();
  const withArticles = tags.filter((t) => t.totalArticles > 0 || t.totalPassages > 0 || t.name === value);
  if (withArticles.length === 0) return null;
  return (
    <div className="library__tag-filter">
      <label htmlFor="library-tag">Tag</label>
      <select id="library-tag" className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All tags</option>
        <TagOptions tags={withArticles} count={(t) => (t.totalPassages ? `${t.totalArticles} + ${plural(t.totalPassages, 'passage')}` : t.totalArticles)} />
      </select>
    </div>
  );
}
