import { useState } from 'react';
import { call } from '../../api/client';
import { savedSearchesChanged } from './saved-searches-store';

/** "Save search": names the current query (the query itself by default) and adds it to the sidebar. */
export function SaveSearchButton({
  query,
  onError,
  onSaved,
}: {
  query: string;
  onError: (m: string) => void;
  onSaved: (name: string) => void;
}) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  if (!query.trim()) return null;
  if (!naming) {
    return (
      <button
        type="button"
        className="button"
        onClick={() => {
          setName(query.trim().slice(0, 200));
          setNaming(true);
        }}
      >
        Save search
      </button>
    );
  }
  const save = async () => {
    try {
      const s = await call('search.saved.save', { name, query });
      savedSearchesChanged();
      setNaming(false);
      onSaved(s.name);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <form
      className="save-search"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="save-search-name">Name</label>
      <input
        id="save-search-name"
        className="input"
        value={name}
        maxLength={200}
        autoFocus
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setNaming(false)}
      />
      <button type="submit" className="button button--primary" disabled={!name.trim()}>
        Save
      </button>
      <button type="button" className="button" onClick={() => setNaming(false)}>
        Cancel
      </button>
    </form>
  );
}
