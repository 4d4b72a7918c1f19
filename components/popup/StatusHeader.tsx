import type { StatusView } from '../../lib/popup/describe-status';
import { RelativeTime } from './RelativeTime';

interface Props {
  view: StatusView;
  /** Until the stored status is read, nothing is claimed (no flash of "Offline"). */
  loading: boolean;
  workspace: string | null;
  now: number;
  retrying: boolean;
  onRetry: () => void;
  onOpenOptions: () => void;
}

/** The sync state of the selected workspace: a coloured dot, the state word first, then what it means. */
export function StatusHeader({ view, loading, workspace, now, retrying, onRetry, onOpenOptions }: Props) {
  const showOptions = !loading && (view.state === 'offline' || (view.state === 'error' && !view.retryable));
  return (
    <header className="status-header">
      <h1 className="visually-hidden">Savepoint</h1>
      <span className={loading ? 'dot' : `dot dot-${view.state}`} aria-hidden="true" />
      <div className="status-text">
        <div role="status" className="status-live">
          <strong>{loading ? '\u00a0' : view.label}</strong>
          {view.detail && !loading ? <span className="status-detail"> · {view.detail}</span> : null}
          {/* Each part after the label is a box of its own (style.css): the line breaks at the space before it. */}
          {view.lastSyncedAt ? (
            <>
              {' '}
              <span className="status-meta">
                · Last synced <RelativeTime at={view.lastSyncedAt} now={now} />
              </span>
            </>
          ) : null}
          {view.waiting > 0 ? (
            <>
              {' '}
              <span className="status-meta">· {view.waiting} waiting</span>
            </>
          ) : null}
        </div>{' '}
        {showOptions ? (
          <button type="button" className="link" onClick={onOpenOptions}>
            {view.state === 'offline' ? 'Set up sync in Options' : 'Check the access key in Options'}
          </button>
        ) : null}
      </div>
      {!loading && view.state === 'error' ? (
        <button type="button" className="button small" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      ) : workspace ? (
        <span className="workspace-chip" title="Workspace">
          {workspace}
        </span>
      ) : null}
    </header>
  );
}
