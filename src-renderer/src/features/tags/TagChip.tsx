import type { TagInfo } from '@contract';
import { tagColor } from './use-tags';

/**
 * `credit`: who put the tag on and when ("added by Ana, 2 Dec 2026"), shown on hover; `spoken` ones are also
 * read with the tag's name (in a team, where who put it on matters; outside one every tag is the reader's).
 */
export type ChipCredit = { text: string; spoken: boolean };
type Props = { name: string; tags: TagInfo[]; onRemove?: () => void; onClick?: () => void; credit?: ChipCredit | null };

/** A tag as a chip: its text always rendered as text, its colour as a swatch. */
export function TagChip({ name, tags, onRemove, onClick, credit }: Props) {
  const color = tagColor(name, tags);
  const said = credit?.spoken ? <span className="visually-hidden">, {credit.text}</span> : null;
  const swatch = color ? <span className="tag-chip__swatch" style={{ background: color }} aria-hidden="true" /> : null;
  return (
    <li className="tag-chip" data-tag={name}>
      {onClick ? (
        <button type="button" className="tag-chip__label" onClick={onClick} title={`Show only “${name}”`}>
          {swatch}
          <bdi>{name}</bdi>
        </button>
      ) : (
        <span className="tag-chip__label" title={credit?.text}>
          {swatch}
          <bdi>{name}</bdi>
          {said}
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
