import type { BrowserContext } from '@playwright/test';
import { configureExtension, journalEntries, tabIdOf } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { DEMO_PATTERN } from '../support/ports';
import { FIRST_SCREEN_WAIT } from '../../lib/popup/show-first-screen';
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
    // To a twentieth of a pixel: the list placed its entries at whole pixels once, and each entry after the first
    // moved down a fraction more than the one before (by the second, a visible pixel of its text).
    for (const [index, entry] of taken.entries.entries()) {
      expect(entry.top, `entry ${index}'s top`).toBeCloseTo(first.entries[index]?.top ?? Number.NaN, 1);
      expect(entry.height, `entry ${index}'s height`).toBeCloseTo(
        first.entries[index]?.height ?? Number.NaN,
        1,
      );
    }
  });

  test("fetches none of the React popup's scripts until its first entry is in the page, or its wait is over", async ({
    context,
    extensionId,
  }) => {
    const dashboard = await dashboardWithThreeBackups(context);
    const page = await context.newPage();
    // In the page's own clock (Resource Timing lists no chrome-extension:// fetch, and the browser's request times
    // run on another clock): when the first screen's script was put in the page (as popup.html is parsed), when
    // it put its first entry in the page, and when each tag that fetches one of the React popup's chunks was put in
    // it (a module script or preload starts its fetch then; one in popup.html itself, as it is parsed). The chunks
    // those modules import are fetched after them.
    await page.addInitScript(() => {
      const seen = window as unknown as {
        scriptAt?: number;
        entryAt?: number;
        tagsAt: { file: string; at: number }[];
      };
      seen.tagsAt = [];
      const observer = new MutationObserver((mutations) => {
        const at = performance.now();
        for (const mutation of mutations)
          for (const node of mutation.addedNodes) {
            if (!(node instanceof HTMLScriptElement || node instanceof HTMLLinkElement)) continue;
            if (node instanceof HTMLScriptElement && node.src.endsWith('/popup-first-screen.js'))
              seen.scriptAt = at;
            const fetching =
              node instanceof HTMLScriptElement ? node.type === 'module' : node.rel === 'modulepreload';
            const url = node instanceof HTMLScriptElement ? node.src : node.href;
            if (fetching && url && new URL(url).pathname.startsWith('/chunks/'))
              seen.tagsAt.push({ file: new URL(url).pathname, at });
          }
        if (seen.entryAt === undefined && document.querySelector('[role="listitem"]')) seen.entryAt = at;
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const fetched: string[] = [];
    page.on('requestfinished', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/chunks/')) fetched.push(pathname);
    });
    await page.goto(
      `chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(context, dashboard.page)}`,
    );
    await expect(page.locator('#first-screen')).toHaveCount(0);
    await expect(page.getByRole('listitem')).toHaveCount(3);

    const { scriptAt, entryAt, tagsAt } = await page.evaluate(() => {
      const seen = window as unknown as {
        scriptAt: number;
        entryAt: number;
        tagsAt: { file: string; at: number }[];
      };
      return { scriptAt: seen.scriptAt, entryAt: seen.entryAt, tagsAt: seen.tagsAt };
    });
    expect(fetched.length, "the React popup's scripts fetched").toBeGreaterThan(0);
    expect(tagsAt.length, "tags that fetch the React popup's scripts").toBeGreaterThan(0);
    expect(scriptAt, "the first screen's script").toEqual(expect.any(Number));
    // The first screen holds the React popup back while its reads are out, FIRST_SCREEN_WAIT at most (on a busy
    // machine they can take longer: then both load, as designed).
    const waited = entryAt - scriptAt;
    for (const { file, at } of tagsAt)
      expect(
        at,
        `${file}: its fetch started at (the first screen's script came at ${scriptAt.toFixed(1)} ms)`,
      ).toBeGreaterThan(waited < FIRST_SCREEN_WAIT ? entryAt : scriptAt + FIRST_SCREEN_WAIT);
  });
});
