import type { StatusView } from '../../lib/popup/describe-status';
import { RelativeTime } from './RelativeTime';

interface Props {
  view: StatusView;
  workspace: string | null;
  now: number;
  retrying: boolean;
  onRetry: () => void;
  onOpenOptions: () => void;
}

/** The sync state of the selected workspace: a coloured dot, the state word first, then what it means. */
export function StatusHeader({ view, workspace, now, retrying, onRetry, onOpenOptions }: Props) {
  return (
    <header className="status-header">
      <h1 className="visually-hidden">Savepoint</h1>
      <div className="status-line">
        <span className={`dot dot-${view.state}`} aria-hidden="true" />
        <div role="status" className="status-text">
          <strong>{view.label}</strong>
          {view.detail ? <span className="status-detail"> · {view.detail}</span> : null}
          {view.lastSyncedAt ? (
            <span className="status-meta">
              {' '}
              · Last synced <RelativeTime at={view.lastSyncedAt} now={now} />
            </span>
          ) : null}
          {view.waiting > 0 ? <span className="status-meta"> · {view.waiting} waiting</span> : null}
        </div>
        {workspace ? (
          <span className="workspace-chip" title="Workspace">
            {workspace}
          </span>
        ) : null}
      </div>
      {view.state === 'error' || view.state === 'offline' ? (
        <div className="status-actions">
          {view.state === 'error' ? (
            <button type="button" className="button small" onClick={onRetry} disabled={retrying}>
              {retrying ? 'Retrying…' : 'Retry'}
            </button>
          ) : null}
          {view.state === 'offline' || !view.retryable ? (
            <button type="button" className="link" onClick={onOpenOptions}>
              {view.state === 'offline' ? 'Set up Convex in Options' : 'Check the access key in Options'}
            </button>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}
