import type { StorageView } from '../../lib/popup/describe-storage';

interface Props {
  view: StorageView;
  retrying: boolean;
  onRetry: () => void;
}

/** Storage is full (backups held aside, sent to Convex) or ran short (old synced backups pruned). */
export function StorageNotice({ view, retrying, onRetry }: Props) {
  return (
    <section className={`panel storage storage-${view.tone}`} aria-label="Storage">
      <p role={view.tone === 'error' ? 'alert' : 'status'}>
        <strong>{view.title}</strong> <span className="hint">{view.detail}</span>
      </p>
      {view.canRetry ? (
        <div className="row">
          <button type="button" className="button small" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Trying…' : 'Try again'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
