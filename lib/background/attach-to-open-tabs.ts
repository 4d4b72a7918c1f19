import { browser } from 'wxt/browser';
import type { WatchedDashboard } from '../storage';
import { findDashboard } from '../watch/find-dashboard';
import { ensurePageAgents } from './ensure-page-agents';

/** Makes sure every open tab of a watched dashboard is captured, without the user reloading it. */
export async function attachToOpenTabs(watched: WatchedDashboard[]): Promise<number> {
  if (watched.length === 0) return 0;
  let attached = 0;
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || !tab.url || tab.discarded || !findDashboard(watched, tab.url)) continue;
    try {
      await ensurePageAgents(tab.id);
      attached += 1;
    } catch {
      // No access to that origin (yet), or the tab is loading or closing: its next load gets the scripts.
    }
  }
  return attached;
}
