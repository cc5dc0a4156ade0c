import type { TagInfo } from '@contract';
import { tagColor } from './use-tags';

type Props = { name: string; tags: TagInfo[]; onRemove?: () => void; onClick?: () => void };

/** A tag as a chip: its text always rendered as text, its colour as a swatch. */
export function TagChip({ name, tags, onRemove, onClick }: Props) {
  const color = tagColor(name, tags);
  const swatch = color ? <span className="tag-chip__swatch" style={{ background: color }} aria-hidden="true" /> : null;
  return (
    <li className="tag-chip" data-tag={name}>
      {onClick ? (
        <button type="button" className="tag-chip__label" onClick={onClick} title={`Show only “${name}”`}>
          {swatch}
          <bdi>{name}</bdi>
        </button>
      ) : (
        <span className="tag-chip__label">
          {swatch}
          <bdi>{name}</bdi>
        </span>
      )}
      {onRemove && (
        <button type="button" className="tag-chip__remove" onClick={onRemove} aria-label={`Remove tag ${name}`} title="Remove tag">
          ×
        </button>
      )}
    </li>
  );
}
