import { browser } from 'wxt/browser';
import type { StaleTab } from '../messaging/apply-report';
import type { WatchedDashboard } from '../storage';
import { findDashboard } from '../watch/find-dashboard';

/**
 * The tabs of `workspace`'s dashboard that still show what it held before a restore: every one but `filled`, the tab
 * whose form the restore filled and saved. An app keeps its settings in memory (Node-RED's editor posts them back
 * when its Settings tray closes), and another tab's form still shows the old values: saving there undoes the restore.
 */
export async function staleTabs(
  watched: WatchedDashboard[],
  workspace: string,
  filled?: number,
): Promise<StaleTab[]> {
  return (await browser.tabs.query({}))
    .filter(({ id, url }) => id !== filled && url && findDashboard(watched, url)?.workspace === workspace)
    .map(({ id, title, url }) => ({ tabId: id as number, title: title || (url as string) }));
}
