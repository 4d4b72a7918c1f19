import { useRef } from 'react';
import type { WatchedDashboard } from '../../lib/storage';
import { useConfirmFocus } from '../../lib/popup/use-confirm-focus';
import { MANAGED } from '../../lib/watch/managed';
import { BusyButton } from './BusyButton';

interface Props {
  dashboard: WatchedDashboard | null;
  /** The administrator locks the watched list, so the user's own dashboards cannot be unwatched either. */
  locked: boolean;
  confirmingUnwatch: boolean;
  busy: boolean;
  onOptions: () => void;
  onAskUnwatch: () => void;
  onUnwatch: (dashboard: WatchedDashboard) => void;
  onCancelUnwatch: () => void;
}

/** Options, and "Unwatch" for the dashboard the tab shows (managed ones belong to the administrator). */
export function PopupFooter({ dashboard, locked, confirmingUnwatch, busy, ...on }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const unwatchRef = useRef<HTMLButtonElement>(null);
  const confirm = useConfirmFocus(confirmingUnwatch ? 'unwatch' : null, on.onCancelUnwatch, cancelRef, {
    unwatch: unwatchRef,
  });
  return (
    <footer className="footer">
      <button type="button" className="link" onClick={on.onOptions}>
        Options
      </button>
      {dashboard && dashboard.managed ? <span className="hint">Watched by your administrator</span> : null}
      {dashboard && !dashboard.managed && locked ? <span className="hint">{MANAGED}</span> : null}
      {dashboard && !dashboard.managed && !locked ? (
        confirmingUnwatch ? (
          <span
            key="confirm"
            className="row"
            role="group"
            aria-label="Confirm unwatch"
            onKeyDown={confirm.onKeyDown}
          >
            <span className="hint">Stop watching {dashboard.pattern}?</span>
            <BusyButton
              className="button small danger"
              busy={busy}
              busyText="Unwatching…"
              onPress={() => on.onUnwatch(dashboard)}
            >
              Unwatch
            </BusyButton>
            <button type="button" className="button small" onClick={confirm.cancel} ref={cancelRef}>
              Cancel
            </button>
          </span>
        ) : (
          <button key="ask" type="button" className="link subtle" onClick={on.onAskUnwatch} ref={unwatchRef}>
            Unwatch
          </button>
        )
      ) : null}
    </footer>
  );
}
