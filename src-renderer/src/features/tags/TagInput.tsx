import { useId, useState } from 'react';
import { canonicalTag } from '@shared/tags';
import { useTags } from './use-tags';

type Props = {
  label: string;
  onAdd: (tag: string) => void | Promise<void>;
  /** Escape, or Enter on an empty field: the user is done. */
  onDone?: () => void;
  autoFocus?: boolean;
  placeholder?: string;
  exclude?: string[];
};

/**
 * Type a tag and press Enter (or a comma) to add it; suggestions come from the notebook's tags. The name is
 * checked as the back end will check it, so a bad one is explained before anything is sent.
 */
export function TagInput({ label, onAdd, onDone, autoFocus, placeholder = 'Add a tag (a/b for levels)…', exclude = [] }: Props) {
  const id = useId();
  const { tags } = useTags();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const commit = async () => {
    if (draft.trim() === '') return onDone?.();
    const r = canonicalTag(draft);
    if (!r.ok) return setError(r.message);
    setError(null);
    setDraft('');
    await onAdd(r.tag);
  };

  return (
    <div className="tag-input">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className="input tag-input__field"
        list={`${id}-list`}
        value={draft}
        placeholder={placeholder}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            void commit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onDone?.();
          }
        }}
      />
      <datalist id={`${id}-list`}>
        {tags
          .filter((t) => !exclude.includes(t.name))
          .map((t) => (
            <option key={t.name} value={t.name} />
          ))}
      </datalist>
      {error && (
        <span id={`${id}-error`} className="field__note field__note--error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
