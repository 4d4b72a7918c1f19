import type { RefObject } from 'react';
import type { StatusView } from '../../lib/popup/describe-status';
import { useFocusWhenGone } from '../../lib/popup/use-focus-when-gone';
import { BusyButton } from './BusyButton';
import { Parts } from './Parts';
import { RelativeTime } from './RelativeTime';

interface Props {
  view: StatusView;
  /** Until the stored status is read, nothing is claimed (no flash of "Offline"). */
  loading: boolean;
  workspace: string | null;
  now: number;
  retrying: boolean;
  onRetry: () => void;
  /** The status line, which takes the focus once Retry has gone with the error (rather than the body). */
  statusRef: RefObject<HTMLDivElement | null>;
  onOpenOptions: () => void;
}

/** The sync state of the selected workspace: a coloured dot, the state word first, then what it means. */
export function StatusHeader({
  view,
  loading,
  workspace,
  now,
  retrying,
  onRetry,
  statusRef,
  onOpenOptions,
}: Props) {
  const showRetry = !loading && view.state === 'error';
  const pressedRetry = useFocusWhenGone(showRetry, statusRef);
  return (
    <header className="status-header">
      <h1 className="visually-hidden">Savepoint</h1>
      <span className={loading ? 'dot' : `dot dot-${view.state}`} aria-hidden="true" />
      <div className="status-text">
        <div role="status" className="status-live" ref={statusRef} tabIndex={-1}>
          <strong>{loading ? '\u00a0' : view.label}</strong>
          {/* Bound to the label on both sides, so that no line starts or ends with its "·". */}
          {view.detail && !loading ? (
            <span className="status-detail">{`\u00a0·\u00a0${view.detail}`}</span>
          ) : null}
          {/* On a line of their own, the second the header keeps from the start. */}
          {view.lastSyncedAt || view.waiting > 0 ? (
            <Parts
              as="div"
              className="status-metas"
              partClassName="status-meta"
              parts={[
                view.lastSyncedAt ? (
                  <>
                    Last synced <RelativeTime at={view.lastSyncedAt} now={now} />
                  </>
                ) : null,
                view.waiting > 0 ? `${view.waiting} waiting` : null,
              ]}
            />
          ) : null}
        </div>{' '}
        {!loading && view.optionsLink ? (
          <button type="button" className="link" onClick={onOpenOptions}>
            {view.optionsLink}
          </button>
        ) : null}
      </div>
      {/* Named in every state: with one workspace the filters offer no choice that would name it. */}
      {workspace ? (
        <span className="workspace-chip" title={`Workspace ${workspace}`}>
          {workspace}
        </span>
      ) : null}
      {showRetry ? (
        <BusyButton
          busy={retrying}
          busyText="Retrying…"
          // Focused, it hands the focus on when it goes, pressed or not (the sync may recover by itself).
          onFocus={pressedRetry}
          onPress={() => {
            pressedRetry();
            onRetry();
          }}
        >
          Retry
        </BusyButton>
      ) : null}
    </header>
  );
}
