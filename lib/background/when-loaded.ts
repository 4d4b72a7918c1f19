import { browser } from 'wxt/browser';
import { SECOND, sleep } from '../time';

/**
 * (ms) how long a restore's report waits for the page a form post was answered with, to check the form on it; a
 * page slower than that is not checked (the report says what the post carried).
 */
export const ANSWER_PAGE_WAIT = 5 * SECOND;
/** (ms) between two looks at the tab. */
const POLL = 100;

/** Whether the browser is still loading a tab's page. */
export const isTabLoading = async (tabId: number) => (await browser.tabs.get(tabId)).status === 'loading';

/**
 * True once a tab is no longer loading (the page a form post was answered with has loaded); false when it is
 * still loading after `timeout`. A closed tab counts as loaded: asking it then fails on its own.
 */
export async function whenLoaded(
  tabId: number,
  timeout = ANSWER_PAGE_WAIT,
  isLoading = isTabLoading,
): Promise<boolean> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (!(await isLoading(tabId).catch(() => false))) return true;
    if (Date.now() >= deadline) return false;
    await sleep(POLL);
  }
}
