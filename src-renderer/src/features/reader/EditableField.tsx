import { useEffect, useId, useState } from 'react';
import type { MetaField } from '@contract';

type Props = {
  label: string;
  field: MetaField;
  placeholder: string;
  onSave: (value: string | null) => Promise<void>;
  type?: 'text' | 'date' | 'url';
  className?: string;
  multiline?: boolean;
};

/** How sure the analyser was, in words; user-entered values need no badge. */
function confidenceNote(f: MetaField): string | null {
  if (f.source === 'user' || f.value === null) return null;
  if (f.source === 'derived') return 'guessed from the first sentence';
  if (f.source === 'page') return `from the page’s metadata (${f.cue ?? 'meta tags'}, ${Math.round(f.confidence * 100)}% sure)`;
  if (f.source === 'file' && f.cue) return `from the file’s ${f.cue}`;
  if (f.confidence < 0.8) return `read from the text (${Math.round(f.confidence * 100)}% sure)`;
  return null;
}

/**
 * A metadata value that reads as plain text and edits in place. It saves when focus leaves or on Enter,
 * reverts on Escape, and shows where the value came from when it was a guess.
 */
export function EditableField({ label, field, placeholder, onSave, type = 'text', className, multiline }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(field.value ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(field.value ?? ''), [field.value]);

  const commit = async () => {
    const next = draft.trim();
    if (next === (field.value ?? '')) return;
    setState('saving');
    try {
      await onSave(next === '' ? null : next);
      setState('saved');
      setError(null);
      setTimeout(() => setState((s) => (s === 'saved' ? 'idle' : s)), 1500);
    } catch (e) {
      setState('error');
      setError((e as Error).message);
    }
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
      e.preventDefault();
      (e.target as HTMLElement).blur();
    } else if (e.key === 'Escape') {
      setDraft(field.value ?? '');
      setState('idle');
      setError(null);
      e.stopPropagation();
    }
  };
  const note = confidenceNote(field);
  const common = {
    id,
    value: draft,
    placeholder,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(e.target.value),
    onBlur: () => void commit(),
    onKeyDown,
    'aria-invalid': state === 'error' || undefined,
    'aria-describedby': error || note ? `${id}-note` : undefined,
    className: `field__input ${className ?? ''}`,
    dir: 'auto' as const,
    spellCheck: type === 'text',
  };
  return (
    <div className="field" data-state={state} data-source={field.source}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {multiline ? <textarea {...common} rows={2} /> : <input {...common} type={type} />}
      {(error || note) && (
        <span id={`${id}-note`} className={error ? 'field__note field__note--error' : 'field__note'} title={field.cue ?? undefined}>
          {error ?? note}
        </span>
      )}
      <span className="field__status" aria-live="polite">
        {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : ''}
      </span>
    </div>
  );
}
