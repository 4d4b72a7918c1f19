import { browser } from 'wxt/browser';
import type { StaleTab } from '../messaging/apply-report';
import type { WatchedDashboard } from '../storage';
import { findDashboard } from '../watch/find-dashboard';

/**
 * The tabs of `workspace`'s dashboard that still show what it held before a restore: every one but `filled`, the tab
 * whose form the restore filled and saved. An app keeps its settings in memory (Node-RED's editor posts them back
 * when its Settings tray closes), and another tab's form still shows the old values: saving there undoes the restore.
 * A form the page posts (a wiki's) holds its values only where it is shown: with `showsForm`, a tab whose page says
 * it does not show it (a page of the wiki) is left out; one that cannot say is named.
 */
export async function staleTabs(
  watched: WatchedDashboard[],
  workspace: string,
  filled?: number,
  showsForm?: (tabId: number) => Promise<boolean>,
): Promise<StaleTab[]> {
  const tabs = (await browser.tabs.query({}))
    .filter(({ id, url }) => id !== filled && url && findDashboard(watched, url)?.workspace === workspace)
    .map(({ id, title, url }) => ({ tabId: id as number, title: title || (url as string) }));
  const shown = await Promise.all(tabs.map(({ tabId }) => showsForm?.(tabId).catch(() => true) ?? true));
  return tabs.filter((_, i) => shown[i]);
}
