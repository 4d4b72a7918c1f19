import { afterNextPaint } from './after-next-paint';
import type { ShownFirstScreen } from './show-first-screen';

/** (ms) the React popup waits for the first screen to be painted before it loads anyway. */
export const FIRST_SCREEN_WAIT = 150;
/** (ms) the longest the first screen covers the popup, whatever becomes of the React popup. */
export const LONGEST_COVER = 3000;

/** The React popup's chunk, loaded on demand. */
export interface AppChunk {
  mountApp(root: HTMLElement, onShown: () => void): void;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the popup does without a first screen (its script did not run): it loads the React popup at once. */
const NO_FIRST_SCREEN: ShownFirstScreen = { painted: Promise.resolve(false), handOver: () => undefined };

/**
 * Starts the React popup behind `firstScreen`, which popup-first-screen.js painted without React or zod before this
 * module ran: loads the React popup once the first screen is on screen (so its scripts do not hold the paint up; at
 * once when there is nothing to paint, and after FIRST_SCREEN_WAIT at most) and mounts it in `root`, where it takes
 * over from the first screen once it shows its history. The first screen goes after LONGEST_COVER whatever happens,
 * and a popup that fails to load says so.
 */
export async function startPopup(
  root: HTMLElement,
  firstScreen: ShownFirstScreen | undefined,
  load: () => Promise<AppChunk>,
): Promise<void> {
  const { painted, handOver } = firstScreen ?? NO_FIRST_SCREEN;
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
