import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { focusLost } from '../focus-lost';

/** What a confirm row wires: its key handler (Escape answers Cancel) and its Cancel button's click. */
export interface ConfirmFocus {
  onKeyDown: (event: KeyboardEvent) => void;
  cancel: () => void;
}

/**
 * The keyboard around a confirm row that takes a button's place ("Delete this backup?", "Stop watching …?"): the
 * focus goes to its Cancel when it opens, Escape answers Cancel, and after Cancel or Escape the focus goes back to
 * the button that asked, unless the user has put it somewhere else meanwhile.
 *
 * Only an opening seen by this component moves the focus: a row mounted with its confirm open (a virtualized list
 * rendering an entry again as it scrolls by) takes none, and a confirm closed for another reason (another entry
 * asked) gives none back; either would scroll the list to it.
 *
 * The row and the buttons it replaces must be keyed apart: React would otherwise reuse one's buttons for the
 * other's, and the focused Cancel would become whichever button took its place.
 */
export function useConfirmFocus<Ask extends string>(
  confirming: Ask | null,
  onCancel: () => void,
  cancelRef: RefObject<HTMLButtonElement | null>,
  askers: Record<Ask, RefObject<HTMLButtonElement | null>>,
): ConfirmFocus {
  const seen = useRef(confirming);
  /** The confirm that Cancel or Escape closed, whose asking button gets the focus back. */
  const cancelled = useRef<Ask | null>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = confirming;
    if (confirming) {
      if (confirming !== before) cancelRef.current?.focus();
      return;
    }
    const back = cancelled.current ? askers[cancelled.current].current : null;
    cancelled.current = null;
    if (back && focusLost()) back.focus();
    // The refs are the same objects on every render; only `confirming` says when to move the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [confirming]);
  const cancel = () => {
    cancelled.current = confirming;
    onCancel();
  };
  return {
    cancel,
    onKeyDown: (event) => {
      if (event.key !== 'Escape') return;
      // The confirm's own Escape: not the panel's or the popup's around it.
      event.stopPropagation();
      cancel();
    },
  };
}
