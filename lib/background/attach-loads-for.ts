import { browser } from 'wxt/browser';
import { readWatched } from '../storage';
import { findDashboard } from '../watch/find-dashboard';
import { ensurePageAgents } from './ensure-page-agents';

/**
 * For `ms` after a browser start or an update, checks each watched dashboard page that finishes loading and gives
 * it its scripts if the browser had not loaded Savepoint's registered ones yet. Only for that window: listening to
 * every tab's loads for good would wake Savepoint for all browsing.
 */
export function attachLoadsFor(ms: number): void {
  const listener = (tabId: number, change: { status?: string }, tab: { url?: string }) => {
    const url = tab.url;
    if (change.status !== 'complete' || !url) return;
    void readWatched()
      .then((watched) => (findDashboard(watched, url) ? ensurePageAgents(tabId) : undefined))
      .catch(() => undefined);
  };
  browser.tabs.onUpdated.addListener(listener);
  setTimeout(() => browser.tabs.onUpdated.removeListener(listener), ms);
}
