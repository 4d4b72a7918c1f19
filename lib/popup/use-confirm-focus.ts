import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * The keyboard around a confirm row that takes a button's place ("Delete this backup?", "Stop watching …?"): the
 * focus goes to its Cancel when it opens, Escape answers Cancel, and once it closes the focus goes back to the
 * button that asked, unless the user has put it somewhere else meanwhile. Returns the row's key handler.
 *
 * The row and the buttons it replaces must be keyed apart: React would otherwise reuse one's buttons for the
 * other's, and the focused Cancel would become whichever button took its place.
 */
export function useConfirmFocus<Ask extends string>(
  confirming: Ask | null,
  cancel: () => void,
  cancelRef: RefObject<HTMLButtonElement | null>,
  askers: Record<Ask, RefObject<HTMLButtonElement | null>>,
): (event: KeyboardEvent) => void {
  const asked = useRef<Ask | null>(null);
  useEffect(() => {
    if (confirming) {
      asked.current = confirming;
      cancelRef.current?.focus();
      return;
    }
    const back = asked.current ? askers[asked.current].current : null;
    asked.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (back && lost) back.focus();
    // The refs are the same objects on every render; only `confirming` says when to move the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [confirming]);
  return (event) => {
    if (event.key !== 'Escape') return;
    // The confirm's own Escape: not the panel's or the popup's around it.
    event.stopPropagation();
    cancel();
  };
}
