import type { BrowserContext } from '@playwright/test';
import { configureExtension, journalEntries, tabIdOf } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { DEMO_PATTERN } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';

/** What a page's entries looked like in the frame they were painted: title and box of each visible one. */
interface Frame {
  inFirstScreen: boolean;
  header: number;
  /** The page's scrollable size: what a toolbar popup, sized to its content, would open at. */
  size: { width: number; height: number };
  entries: { text: string; top: number; height: number }[];
}

/** (px) the popup's frame (entrypoints/popup/style.css, .popup). */
const POPUP = { width: 380, height: 590 };

/** The demo dashboard, watched, after three saves of its bot names (three backups in the journal). */
async function dashboardWithThreeBackups(context: BrowserContext): Promise<DashboardPage> {
  await configureExtension(context, { watched: [DEMO_PATTERN] });
  const dashboard = await new DashboardPage(await context.newPage()).open();
  for (const name of ['Ada', 'Grace', 'Linus']) {
    await dashboard.saveBotNames(name);
    await dashboard.expectStatus('bot-names', 'Saved');
  }
  await expect.poll(async () => (await journalEntries(context)).length).toBe(3);
  return dashboard;
}

test.describe("the popup's first screen", () => {
  test('shows the history before React has loaded, then hands over in place: same entries, nothing moves', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await dashboardWithThreeBackups(context);
    const page = await context.newPage();
    // Smaller than the popup: Chromium opens a toolbar popup small and grows it to its content, so the first screen
    // must give the page its size as the React popup does.
    await page.setViewportSize({ width: 200, height: 200 });
    // Records, in the frame each is painted in, the first entries to show and the entries after the hand-over.
    await page.addInitScript(() => {
      const frames: Frame[] = [];
      (window as unknown as { frames_: Frame[] }).frames_ = frames;
      const record = () => {
        const cover = document.getElementById('first-screen');
        const scope =
          cover?.isConnected && cover.childElementCount > 0 ? cover : document.getElementById('root');
        frames.push({
          inFirstScreen: scope === cover,
          header: scope?.querySelector('header')?.getBoundingClientRect().height ?? 0,
          size: {
            width: document.documentElement.scrollWidth,
            height: document.documentElement.scrollHeight,
          },
          entries: [...(scope?.querySelectorAll('[role="listitem"]') ?? [])]
            .map((item) => ({ item, box: item.getBoundingClientRect() }))
            .filter(({ box }) => box.top < 600)
            .map(({ item, box }) => ({
              text: item.textContent ?? '',
              top: box.top,
              height: box.height,
            })),
        });
      };
      let seenEntry = false;
      const observer = new MutationObserver(() => {
        const cover = document.getElementById('first-screen');
        if (!seenEntry && document.querySelector('[role="listitem"]')) {
          seenEntry = true;
          requestAnimationFrame(record);
        }
        if (seenEntry && !cover) {
          observer.disconnect();
          requestAnimationFrame(record);
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(
      `chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(context, dashboard.page)}`,
    );
    await expect(page.locator('#first-screen')).toHaveCount(0);
    await expect(page.getByRole('listitem')).toHaveCount(3);
    const frames = await page.evaluate(() => (window as unknown as { frames_: Frame[] }).frames_);

    expect(frames).toHaveLength(2);
    const [first, taken] = frames as [Frame, Frame];
    expect(first.inFirstScreen, 'the first entries shown are the first screen').toBe(true);
    expect(taken.inFirstScreen).toBe(false);
    expect(first.size.width).toBeGreaterThanOrEqual(POPUP.width);
    expect(first.size.height).toBeGreaterThanOrEqual(POPUP.height);
    expect(first.entries.map((entry) => entry.text)).toEqual([
      expect.stringContaining('1 field changed'),
      expect.stringContaining('1 field changed'),
      expect.stringContaining('first backup'),
    ]);
    expect(taken.entries.map((entry) => entry.text)).toEqual(first.entries.map((entry) => entry.text));
    expect(taken.header).toBe(first.header);
    for (const [index, entry] of taken.entries.entries()) {
      expect(entry.top, `entry ${index}'s top`).toBeCloseTo(first.entries[index]?.top ?? Number.NaN, 0);
      expect(entry.height, `entry ${index}'s height`).toBeCloseTo(
        first.entries[index]?.height ?? Number.NaN,
        0,
      );
    }
  });

  test("fetches none of the React popup's scripts until its first entry is in the page", async ({
    context,
    extensionId,
  }) => {
    const dashboard = await dashboardWithThreeBackups(context);
    const page = await context.newPage();
    // When (ms since the epoch) the first screen put its first entry in the page.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[role="listitem"]')) return;
        observer.disconnect();
        (window as unknown as { entryAt: number }).entryAt = performance.timeOrigin + performance.now();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const fetched: { file: string; at: number }[] = [];
    page.on('requestfinished', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/chunks/')) fetched.push({ file: pathname, at: request.timing().startTime });
    });
    await page.goto(
      `chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(context, dashboard.page)}`,
    );
    await expect(page.locator('#first-screen')).toHaveCount(0);
    await expect(page.getByRole('listitem')).toHaveCount(3);

    const entryAt = await page.evaluate(() => (window as unknown as { entryAt: number }).entryAt);
    expect(fetched.length, "the React popup's scripts").toBeGreaterThan(0);
    for (const { file, at } of fetched) expect(at, `${file}: fetch started at`).toBeGreaterThan(entryAt);
  });
});
