import { afterNextPaint } from './after-next-paint';
import type { FirstScreen } from './read-first-screen';
import { showFirstScreen } from './show-first-screen';

/** (ms) the React popup waits for the first screen to be painted before it loads anyway. */
export const FIRST_SCREEN_WAIT = 150;
/** (ms) the longest the first screen covers the popup, whatever becomes of the React popup. */
export const LONGEST_COVER = 3000;

/** The React popup's chunk, loaded on demand. */
export interface AppChunk {
  mountApp(root: HTMLElement, onShown: () => void): void;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts the popup: paints `screen` (read without React or zod) into `cover`, then loads the React popup once that
 * is on screen (so its scripts do not hold the paint up; at once when there is nothing to paint, and after
 * FIRST_SCREEN_WAIT at most) and mounts it in `root`, where it takes over from the first screen once it shows its
 * history. The cover goes after LONGEST_COVER whatever happens, and a popup that fails to load says so.
 */
export async function startPopup(
  cover: HTMLElement,
  root: HTMLElement,
  screen: Promise<FirstScreen | null>,
  load: () => Promise<AppChunk>,
): Promise<void> {
  const { painted, handOver } = showFirstScreen(cover, root, screen);
  const longest = setTimeout(handOver, LONGEST_COVER);
  const shown = () => {
    clearTimeout(longest);
    handOver();
  };
  try {
    await Promise.race([
      painted.then((done) => (done ? afterNextPaint() : undefined)),
      delay(FIRST_SCREEN_WAIT),
    ]);
    (await load()).mountApp(root, shown);
  } catch (error) {
    shown();
    root.setAttribute('role', 'alert');
    root.textContent = 'Savepoint could not load its popup. Close it and open it again.';
    console.error('Savepoint: the popup did not load', error);
  }
}
