import type { ImportProgress } from '../features/importer/use-import';
import type { Notice } from './use-notices';

type Props = {
  notices: Notice[];
  onDismiss: (id: number) => void;
  progress: ImportProgress;
  onCancel: () => void;
  /** The notebook or its search index is still opening: the library shows, search does not answer yet. */
  searchStarting?: boolean;
};

/** Progress and messages, announced to screen readers (role=status / alert) and dismissible. */
export function StatusArea({ notices, onDismiss, progress, onCancel, searchStarting }: Props) {
  return (
    <div className="status-area">
      {searchStarting && (
        <div className="notice notice--info" role="status" data-testid="search-starting">
          <p>Loading the search index…</p>
        </div>
      )}
      {progress && (
        <div className="notice notice--info" role="status">
          <label>
            Importing {progress.done} of {progress.total} files
            <progress max={progress.total} value={progress.done} />
          </label>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      <div aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice--${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
            <p>{n.text}</p>
            {n.details && n.details.length > 0 && (
              <details>
                <summary>Details</summary>
                <ul>
                  {n.details.slice(0, 50).map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              </details>
            )}
            <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => onDismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
