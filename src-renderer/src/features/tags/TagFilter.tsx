import { TagOptions } from './TagOptions';
import { useTags } from './use-tags';

/** Show only articles with a tag, or one of its children (`topic` includes `topic/security`). */
export function TagFilter({ value, onChange }: { value: string; onChange: (tag: string) => void }) {
  const { tags } = useTags();
  const withArticles = tags.filter((t) => t.totalArticles > 0 || t.name === value);
  if (withArticles.length === 0) return null;
  return (
    <div className="library__tag-filter">
      <label htmlFor="library-tag">Tag</label>
      <select id="library-tag" className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All tags</option>
        <TagOptions tags={withArticles} count={(t) => t.totalArticles} />
      </select>
    </div>
  );
}
