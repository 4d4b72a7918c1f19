import type { Snapshot } from '../capture/snapshot';
import { SECOND, sleep } from '../time';
import { loadedSection } from './collect-snapshots';
import { whenLoaded } from './when-loaded';

/**
 * (ms) how long after its load the page a form post was answered with may take to say how it loaded: its agent
 * reads that a second after the load (start-capture.ts), or when a field takes the focus.
 */
export const SETTLE_WAIT = 2.5 * SECOND;
/** (ms) between two asks. */
const ASK_INTERVAL = 250;

interface Deps {
  /** The section as the tab shows it now (restore-tabs.ts `currentSection`), null when it does not show it. */
  current: (tabId: number) => Promise<Snapshot | null>;
  loaded?: (tabId: number) => Promise<boolean>;
  /** How a section shown by the page was loaded (collect-snapshots.ts), if the page said. */
  settled?: (shown: Snapshot) => Snapshot | undefined;
  now?: () => number;
}

/**
 * The section on the page a form post was answered with, read once the page has settled (it says how it loaded, a
 * second after its load): a script may fill the form after the load, so what it shows at the load is not yet what
 * the dashboard holds. Null when the page does not show the section, is still loading, or cannot say how it loaded
 * (it was edited, or it is slow to settle): the report then keeps what the post carried.
 */
export async function answerPageSection(tabId: number, deps: Deps): Promise<Snapshot | null> {
  const now = deps.now ?? Date.now;
  if (!(await (deps.loaded ?? whenLoaded)(tabId))) return null;
  const deadline = now() + SETTLE_WAIT;
  for (;;) {
    const shown = await deps.current(tabId);
    if (!shown || (deps.settled ?? loadedSection)(shown)) return shown;
    if (now() >= deadline) return null;
    await sleep(ASK_INTERVAL);
  }
}
