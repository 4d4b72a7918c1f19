import type { ShownFirstScreen } from './show-first-screen';
import { showPopupFailure } from './show-popup-failure';

/** (ms) the longest the first screen covers the popup, whatever becomes of the React popup. */
export const LONGEST_COVER = 3000;

/** The React popup's chunk, loaded on demand. */
export interface AppChunk {
  mountApp(root: HTMLElement, onShown: () => void): void;
}

/**
 * What the popup does without a first screen (`wxt dev`, where popup.html loads this module itself, when the first
 * screen's script did not run): it loads the React popup at once. In a build that script starts this module, so
 * one that failed to load leaves the popup empty; the e2e tests open the built popup.
 */
const NO_FIRST_SCREEN: ShownFirstScreen = {
  painted: Promise.resolve(false),
  presented: Promise.resolve(),
  handOver: () => undefined,
};

/**
 * Starts the React popup behind `firstScreen`, which popup-first-screen.js painted without React or zod before this
 * module ran: loads the React popup once the first screen is presented (so its scripts do not hold the paint up; at
 * once when there is nothing to paint, and after FIRST_SCREEN_WAIT at most; in a build, popup-first-screen.js only
 * starts this module then) and mounts it in `root`, where it takes over from the first screen once it shows its
 * history. The first screen goes after LONGEST_COVER whatever happens, and a popup that fails to load says so.
 */
export async function startPopup(
  root: HTMLElement,
  firstScreen: ShownFirstScreen | undefined,
  load: () => Promise<AppChunk>,
): Promise<void> {
  const { presented, handOver } = firstScreen ?? NO_FIRST_SCREEN;
  const longest = setTimeout(handOver, LONGEST_COVER);
  const shown = () => {
    clearTimeout(longest);
    handOver();
  };
  try {
    await presented;
    (await load()).mountApp(root, shown);
  } catch (error) {
    shown();
    showPopupFailure(root, error);
  }
}
