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
  const shown = await Promise.all(tabs.map(({ tabId }) => (showsForm ? answerOf(showsForm(tabId)) : true)));
  return tabs.filter((_, i) => shown[i]);
}

/** (ms) a tab has to say whether it shows the form (a page on an alert, or busy, may never answer). */
export const SHOWS_FORM_WAIT = 1_500;

/** The tab's answer, or true (named) when it fails or does not come in time. */
function answerOf(answer: Promise<boolean>): Promise<boolean> {
  const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(true), SHOWS_FORM_WAIT));
  return Promise.race([answer.catch(() => true), late]);
}
