import { browser } from 'wxt/browser';

/** The tab the popup acts on. */
export interface TargetTab {
  id: number;
  url: string;
}

/** The tab id named by `?tabId=N` in the popup's URL, or null (tests open the popup as a page aimed at a tab). */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** The popup's target: the tab named by `?tabId=N`, else the active tab of the current window. */
export async function readTargetTab(search: string = location.search): Promise<TargetTab | null> {
  const named = tabIdFromSearch(search);
  const tab =
    named === null
      ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
      : await browser.tabs.get(named).catch(() => undefined);
  if (tab?.id === undefined) return null;
  return { id: tab.id, url: tab.url ?? '' };
}
