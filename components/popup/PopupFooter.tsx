import type { WatchedDashboard } from '../../lib/storage';
import { MANAGED } from '../../lib/watch/managed';

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
  return (
    <footer className="footer">
      <button type="button" className="link" onClick={on.onOptions}>
        Options
      </button>
      {dashboard && dashboard.managed ? <span className="hint">Watched by your administrator</span> : null}
      {dashboard && !dashboard.managed && locked ? <span className="hint">{MANAGED}</span> : null}
      {dashboard && !dashboard.managed && !locked ? (
        confirmingUnwatch ? (
          <span className="row" role="group" aria-label="Confirm unwatch">
            <span className="hint">Stop watching {dashboard.pattern}?</span>
            <button
              type="button"
              className="button small danger"
              onClick={() => on.onUnwatch(dashboard)}
              disabled={busy}
            >
              Unwatch
            </button>
            <button type="button" className="button small" onClick={on.onCancelUnwatch}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="link subtle" onClick={on.onAskUnwatch}>
            Unwatch
          </button>
        )
      ) : null}
    </footer>
  );
}
