import '../../styles/annotate.css';
import { useCallback, useState } from 'react';
import type { TagInfo } from '@contract';
import { fold } from '@shared/fold';
import { canonicalTag } from '@shared/tags';
import { routeHash } from '../../app/use-route';
import type { ViewProps } from '../../app/views';
import { plural } from '../../lib/format';
import { history, useHistoryState } from '../annotate/history';
import { deleteTag, mergeTags, recolourTag, renameTag } from './tag-actions';
import { tagColor, useTags } from './use-tags';

type Mode = { tag: string; kind: 'rename' | 'merge' | 'delete' } | null;

const PALETTE: Record<string, string> = {
  '#d94141': 'Red',
  '#e9852c': 'Orange',
  '#d6b400': 'Yellow',
  '#3fae49': 'Green',
  '#2aa198': 'Teal',
  '#3d7ee0': 'Blue',
  '#8a5ad6': 'Purple',
  '#e0569a': 'Pink',
  '#7a7a7a': 'Grey',
};

function TagRow({
  t,
  tags,
  mode,
  setMode,
  run,
}: {
  t: TagInfo;
  tags: TagInfo[];
  mode: Mode;
  setMode: (m: Mode) => void;
  run: (p: Promise<unknown>) => Promise<boolean>;
}) {
  const depth = t.name.split('/').length - 1;
  const leaf = t.name.split('/').pop()!;
  const [draft, setDraft] = useState(t.name);
  const [error, setError] = useState<string | null>(null);
  const mine = mode?.tag === t.name ? mode.kind : null;
  const color = t.color ?? tagColor(t.name, tags);
  // A tag can be on articles, on passages, or both: each count opens what it counts (the library filtered by
  // the tag, or All annotations), and the name opens the passages when there are any.
  const passagesHref = routeHash('annotations', [], { tag: t.name });
  const articlesHref = routeHash('library', [], { tag: t.name });
  const uses = `${plural(t.totalArticles, 'article')}, ${plural(t.totalPassages, 'passage')}`;

  const submit = async () => {
    const r = canonicalTag(draft);
    if (!r.ok) return setError(r.message);
    const ok = await run(mine === 'rename' ? renameTag(t.name, r.tag) : mergeTags([t.name], r.tag));
    if (ok) setMode(null);
  };

  return (
    <li className="tag-row" data-tag={t.name} data-implicit={t.implicit || undefined}>
      <div className="tag-row__main" style={{ paddingInlineStart: depth * 20 }}>
        <span className="tag-row__swatch" style={{ background: color ?? 'transparent' }} aria-hidden="true" />
        <a
          className="tag-row__name"
          href={t.totalPassages || !t.totalArticles ? passagesHref : articlesHref}
          title={t.totalPassages || !t.totalArticles ? `Show the passages tagged “${t.name}”` : `Show the articles tagged “${t.name}”`}
          dir="auto"
        >
          <bdi>{depth ? leaf : t.name}</bdi>
        </a>
        <span className="tag-row__counts">
          {t.totalArticles ? <a href={articlesHref}>{plural(t.totalArticles, 'article')}</a> : plural(0, 'article')},{' '}
          {t.totalPassages ? <a href={passagesHref}>{plural(t.totalPassages, 'passage')}</a> : plural(0, 'passage')}
        </span>
        <label className="tag-row__color">
          <span className="visually-hidden">Colour of {t.name}</span>
          <select className="select" value={t.color ?? ''} onChange={(e) => void run(recolourTag(t.name, e.target.value || null))}>
            <option value="">{t.color ? 'No colour' : color ? 'Inherited' : 'No colour'}</option>
            {[...new Set([...Object.keys(PALETTE), ...(t.color ? [t.color] : [])])].map((c) => (
              <option key={c} value={c}>
                {PALETTE[c] ?? c}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="link-button"
          onClick={() => (setDraft(t.name), setError(null), setMode({ tag: t.name, kind: 'rename' }))}
        >
          Rename
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => (setDraft(''), setError(null), setMode({ tag: t.name, kind: 'merge' }))}
        >
          Merge…
        </button>
        <button type="button" className="link-button link-button--danger" onClick={() => setMode({ tag: t.name, kind: 'delete' })}>
          Delete
        </button>
      </div>
      {(mine === 'rename' || mine === 'merge') && (
        <form
          className="tag-row__form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            {mine === 'rename' ? `New name for “${t.name}” (its children move with it)` : `Merge “${t.name}” into`}
            <input
              className="input"
              autoFocus
              list="tag-manager-names"
              value={draft}
              dir="auto"
              onChange={(e) => (setDraft(e.target.value), setError(null))}
              onKeyDown={(e) => e.key === 'Escape' && setMode(null)}
              aria-invalid={error ? true : undefined}
            />
          </label>
          <button type="submit" className="button button--primary">
            {mine === 'rename' ? 'Rename' : 'Merge'}
          </button>
          <button type="button" className="button" onClick={() => setMode(null)}>
            Cancel
          </button>
          {error && (
            <span className="field__note field__note--error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
      {mine === 'delete' && (
        <div className="tag-row__form" role="alertdialog" aria-label={`Delete tag ${t.name}`}>
          <span>
            Remove “<bdi>{t.name}</bdi>”
            {t.name.includes('/') || tags.some((x) => x.name.startsWith(`${t.name}/`)) ? ' and its children' : ''} from {uses}?
          </span>
          <button
            type="button"
            className="button button--primary"
            autoFocus
            onClick={() => void run(deleteTag(t.name)).then((ok) => ok && setMode(null))}
          >
            Delete tag
          </button>
          <button type="button" className="button" onClick={() => setMode(null)}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}

/** The tag manager: every tag as a tree with its counts and colour; rename, merge, recolour and delete, all undoable. */
export function TagManagerView({ notify }: ViewProps) {
  const { tags, loaded } = useTags();
  const [mode, setMode] = useState<Mode>(null);
  const [filter, setFilter] = useState('');
  const undo = useHistoryState();
  const run = useCallback(
    async (p: Promise<unknown>) => {
      try {
        await p;
        return true;
      } catch (e) {
        notify('error', (e as Error).message);
        return false;
      }
    },
    [notify],
  );
  const shown = filter ? tags.filter((t) => fold(t.name).includes(fold(filter))) : tags;
  return (
    <section className="tag-manager" aria-label="Tags">
      <header className="annotations-view__header">
        <h1>Tags</h1>
        <button
          type="button"
          className="button"
          disabled={!undo.undo || undo.busy}
          onClick={() =>
            history.undo().then(
              (c) => c && notify('info', `Undone: ${c.label}`),
              (e: Error) => notify('error', e.message),
            )
          }
        >
          {undo.undo ? `Undo ${undo.undo}` : 'Undo'}
        </button>
      </header>
      <label className="tag-manager__filter">
        <span className="visually-hidden">Filter tags</span>
        <input className="input" type="search" placeholder="Filter tags…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <datalist id="tag-manager-names">
        {tags.map((t) => (
          <option key={t.name} value={t.name} />
        ))}
      </datalist>
      {loaded && tags.length === 0 && (
        <p className="empty-state">No tags yet. Tag an article in the reader, or a passage from its annotation card.</p>
      )}
      <ul className="tag-manager__list">
        {shown.map((t) => (
          <TagRow key={t.name} t={t} tags={tags} mode={mode} setMode={setMode} run={run} />
        ))}
      </ul>
    </section>
  );
}
