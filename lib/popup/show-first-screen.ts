import { afterNextPaint } from './after-next-paint';
import type { FirstScreen } from './read-first-screen';
import { paintFirstScreen } from './paint-first-screen';

/** (ms) the longest the React popup waits for the first screen to be on screen before it loads anyway. */
export const FIRST_SCREEN_WAIT = 150;

/** The class that keeps the React popup laid out but unseen while the first screen covers it. */
export const BEHIND_FIRST_SCREEN = 'behind-first-screen';

/** The first screen once its reads are in, and the hand-over to the React popup. */
export interface ShownFirstScreen {
  /** True once the first screen is painted; false when there was nothing for it to show. */
  painted: Promise<boolean>;
  /**
   * Resolves once the first screen is on screen (painted and presented), at once when there is nothing for it to
   * show, and after FIRST_SCREEN_WAIT at most: when the React popup's scripts may load without holding it up.
   */
  presented: Promise<void>;
  /**
   * Removes the first screen and shows the React popup. The React popup calls it once it shows the history (from
   * a layout effect, so the swap happens within one frame), or on an error.
   */
  handOver: () => void;
}

declare global {
  interface Window {
    /**
     * The popup's first screen, set by its classic script (entrypoints/popup-first-screen.ts) before the popup's
     * module script runs and starts the React popup behind it (start-popup.ts).
     */
    savepointFirstScreen?: ShownFirstScreen;
  }
}

/**
 * Paints the first screen into `cover` once its reads are in, over the React popup in `root`, unless the React
 * popup has taken over by then or there is no backup to show (the React popup shows those states itself).
 */
export function showFirstScreen(
  cover: HTMLElement,
  root: HTMLElement,
  screen: Promise<FirstScreen | null>,
  now: () => number = Date.now,
): ShownFirstScreen {
  let handedOver = false;
  const painted = screen.then(
    (found) => {
      if (handedOver || !found || found.records.length === 0) return false;
      try {
        paintFirstScreen(cover, found, now());
      } catch (error) {
        // Whatever the first screen cannot draw, the React popup shows (or says it cannot).
        cover.replaceChildren();
        console.warn('Savepoint: the first screen was not painted', error);
        return false;
      }
      root.classList.add(BEHIND_FIRST_SCREEN);
      return true;
    },
    () => false,
  );
  const handOver = () => {
    if (handedOver) return;
    handedOver = true;
    cover.remove();
    root.classList.remove(BEHIND_FIRST_SCREEN);
  };
  const presented = Promise.race([
    painted.then(
      (done) => (done ? afterNextPaint() : undefined),
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT)),
  ]);
  return { painted, presented, handOver };
}
