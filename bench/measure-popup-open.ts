import type { BrowserContext, Worker } from '@playwright/test';
import { met, ms, ratioText, type BenchRow } from './bench-row';
import { seedJournal } from './seed-journal';
import { median } from './stats';

/** Popup opens timed per journal size, after one warm-up open. */
const OPENS = 5;
const SIZES = [10, 1_000, 10_000] as const;

/** (ms) of one cold popup page from `page.goto(popup)` until its first history entry is visible. */
interface PopupOpen {
  /** Measured from Node around `goto` and Playwright's visibility wait. */
  wall: number;
  /** Measured in the page: navigation start until the first entry is in the DOM. */
  inPage: number;
}

async function openOnce(context: BrowserContext, popupUrl: string): Promise<PopupOpen> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(() => {
    const state = window as unknown as { benchFirstEntry?: number };
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[role="listitem"]')) return;
      state.benchFirstEntry = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const start = performance.now();
  await page.goto(popupUrl, { waitUntil: 'commit' });
  await page.getByRole('listitem').first().waitFor({ state: 'visible', timeout: 30_000 });
  const wall = performance.now() - start;
  const inPage = await page.evaluate(
    () => (window as unknown as { benchFirstEntry?: number }).benchFirstEntry ?? Number.NaN,
  );
  await page.close();
  return { wall, inPage };
}

/** Row 6: the popup's history at 1,000 and 10,000 backups against 10. */
export async function measurePopupOpen(
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
  dashboardUrl: string,
): Promise<BenchRow[]> {
  const dashboard = await context.newPage();
  await dashboard.goto(dashboardUrl);
  const tabId = await worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab: { id?: number; url?: string }) => tab.url === url)?.id ?? null;
  }, dashboard.url());
  if (tabId === null) throw new Error('the dashboard tab was not found');
  const popupUrl = `chrome-extension://${extensionId}/popup.html?tabId=${tabId}`;
  const medians = new Map<number, PopupOpen>();
  for (const size of SIZES) {
    await seedJournal(worker, size);
    await openOnce(context, popupUrl);
    const samples: PopupOpen[] = [];
    for (let i = 0; i < OPENS; i += 1) samples.push(await openOnce(context, popupUrl));
    medians.set(size, {
      wall: median(samples.map((s) => s.wall)),
      inPage: median(samples.map((s) => s.inPage)),
    });
  }
  await dashboard.close();
  const none = { wall: Number.NaN, inPage: Number.NaN };
  const small = medians.get(10) ?? none;
  const text = (open: PopupOpen) => `${ms(open.wall)} (in page ${ms(open.inPage)})`;
  return [1_000, 10_000].map((size) => {
    const { wall: value, ...rest } = medians.get(size) ?? none;
    const large = size === 10_000;
    return {
      figure: `6. popup open → first history entry, ${size.toLocaleString('en')} backups, median of ${OPENS}`,
      value: text({ wall: value, ...rest }),
      baseline: `${text(small)} at 10 backups`,
      ratio: ratioText(value, small.wall),
      target: large ? '≤ 1.5× and ≤ 100 ms' : '≤ 1.5×',
      met: met(value <= small.wall * 1.5 && (!large || value <= 100)),
    };
  });
}
