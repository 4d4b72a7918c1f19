import type { RefObject } from 'react';
import type { StorageView } from '../../lib/popup/describe-storage';
import { useFocusWhenGone } from '../../lib/popup/use-focus-when-gone';
import { clockTime } from '../../lib/time';
import { BusyButton } from './BusyButton';

interface Props {
  view: StorageView;
  retrying: boolean;
  /** When the last "Try again" finished, if one has: while storage is still full, the notice says it tried. */
  triedAt: number | null;
  onRetry: () => void;
  /** Where the focus goes once "Try again" has gone with the notice (the sync status), rather than the body. */
  landing: RefObject<HTMLElement | null>;
}

/** Storage is full (backups held aside, sent to Convex) or ran short (old synced backups pruned). */
export function StorageNotice({ view, retrying, triedAt, onRetry, landing }: Props) {
  const pressedRetry = useFocusWhenGone(view.canRetry, landing);
  return (
    <section className={`panel storage storage-${view.tone}`} aria-label="Storage">
      <p role={view.tone === 'error' ? 'alert' : 'status'}>
        <strong>{view.title}</strong> <span className="hint">{view.detail}</span>
      </p>
      {view.canRetry ? (
        <div className="row">
          <BusyButton
            busy={retrying}
            busyText="Trying…"
            onFocus={pressedRetry}
            onPress={() => {
              pressedRetry();
              onRetry();
            }}
          >
            Try again
          </BusyButton>
          {triedAt !== null && !retrying ? (
            <span className="hint" role="status">
              Tried again at {clockTime(triedAt)}: still no room.
            </span>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
