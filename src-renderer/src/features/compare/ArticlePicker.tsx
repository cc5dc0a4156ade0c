import { useEffect, useState } from 'react';
import type { ArticleSummary } from '@contract';
import { call } from '../../api/client';

/** A filterable checklist of the notebook's articles. */
export function ArticlePicker({
  selected,
  onChange,
  exclude = [],
  label,
}: {
  selected: string[];
  onChange: (ids: string[]) => void;
  exclude?: string[];
  label: string;
}) {
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    call('articles.list', { filter: filter || undefined, limit: 500 }).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [filter]);
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  return (
    <fieldset className="picker">
      <legend>{label}</legend>
      <input
        className="input"
        type="search"
        placeholder="Filter articles"
        aria-label="Filter articles to pick"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul>
        {items
          .filter((a) => !exclude.includes(a.id))
          .map((a) => (
            <li key={a.id}>
              <label className="checkbox">
                <input type="checkbox" checked={selected.includes(a.id)} onChange={() => toggle(a.id)} /> <span dir="auto">{a.title}</span>{' '}
                <span className="picker__outlet">{a.outlet ?? ''}</span>
              </label>
            </li>
          ))}
      </ul>
    </fieldset>
  );
}
