import { browser } from 'wxt/browser';
import { readWatched, type WatchedDashboard } from '../storage';
import { findDashboard } from '../watch/find-dashboard';

/** A page of a watched dashboard: its URL, its dashboard and workspace, and the watched list it was found in. */
export interface DashboardPage {
  url: string;
  dashboard: WatchedDashboard;
  workspace: string;
  watched: WatchedDashboard[];
}

/** The watched dashboard a URL belongs to, looked up in the list as it is now; null without a URL or a match. */
export async function dashboardAt(
  url: string | null | undefined,
  read: () => Promise<WatchedDashboard[]> = readWatched,
): Promise<DashboardPage | null> {
  if (!url) return null;
  const watched = await read();
  const found = findDashboard(watched, url);
  return found ? { url, watched, ...found } : null;
}

/** The watched dashboard a tab shows; null when it shows none or the tab is gone. */
export async function dashboardInTab(
  tabId: number,
  read: () => Promise<WatchedDashboard[]> = readWatched,
): Promise<DashboardPage | null> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return dashboardAt(tab?.url, read);
}
