import type { TagInfo } from '@contract';

/** A tag menu's options, children indented under their parents, each with the count that matters there. */
export function TagOptions({ tags, count }: { tags: TagInfo[]; count: (t: TagInfo) => number | string }) {
  return (
    <>
      {tags.map((t) => (
        <option key={t.name} value={t.name}>
          {'\u00a0\u00a0'.repeat(t.name.split('/').length - 1)}
          {t.name} ({count(t)})
        </option>
      ))}
    </>
  );
}
