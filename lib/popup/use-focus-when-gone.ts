import { useLayoutEffect, useRef, type RefObject } from 'react';
import { focusLost } from '../focus-lost';

/**
 * For a button that goes away once it has done its work (Retry, gone with the error it retried): after the user
 * pressed it and it is gone, the focus goes to `landing` rather than falling to the body. Call the returned
 * function from the button's click, and from its focus for a button that may go unpressed (the error it retries
 * may end by itself). `shown` says whether the button is there; its unmount counts as gone too.
 */
export function useFocusWhenGone(shown: boolean, landing: RefObject<HTMLElement | null>): () => void {
  const pressed = useRef(false);
  const gone = () => {
    if (pressed.current && focusLost()) landing.current?.focus();
    pressed.current = false;
  };
  // A layout effect: its cleanup runs in the same commit that removes the button (React removes it first), so the
  // focus is never seen on the body in between, as it was for a frame with a passive effect.
  useLayoutEffect(() => {
    if (shown) return gone;
    // `gone` reads the refs when it runs; only `shown` says when to move the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);
  return () => {
    pressed.current = true;
  };
}
