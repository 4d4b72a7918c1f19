import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/send-message';
import { SECOND, sleep } from '../time';

/** (ms) how long a dashboard page may take to load and start Savepoint's content script. */
const READY_TIMEOUT = 15 * SECOND;
/** (ms) between two checks whether the content script answers. */
const POLL = 200;

/** Waits until the content script in `tabId` answers, i.e. the page loaded and Savepoint runs in it. */
export async function waitForContentScript(tabId: number, timeout = READY_TIMEOUT): Promise<boolean> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    try {
      const tab = await browser.tabs.get(tabId);
      if (tab.status === 'complete') {
        await sendToTab(tabId, 'tab:collect', {});
        return true;
      }
    } catch {
      // Not ready yet (navigating, or the script has not started).
    }
    await sleep(POLL);
  }
  return false;
}

/** Makes sure a tab shows `url`'s page (navigating `tabId`, or opening a new tab) and Savepoint runs there. */
export async function openDashboardTab(url: string, tabId?: number): Promise<number> {
  const tab =
    tabId === undefined
      ? await browser.tabs.create({ url, active: true })
      : await browser.tabs.update(tabId, { url });
  if (tab?.id === undefined) throw new Error('Could not open the dashboard page');
  if (!(await waitForContentScript(tab.id))) throw new Error('The dashboard page did not load in time');
  return tab.id;
}
