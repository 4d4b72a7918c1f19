import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configureExtension, journalEntries, tabIdOf } from '../support/extension-api';
import { expect, launchBrowser, serviceWorker, test } from '../support/extension-fixture';
import { DEMO_PATTERN } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

/**
 * The browser's default zoom, which Chrome applies to popups, and the window a popup gets at it in CSS pixels:
 * Chrome caps a popup at 800 × 600 device-independent pixels, zoom applied inside (measured in Chromium 156 with a
 * real toolbar popup under Xvfb: 387 × 300 at 200 %, 320 × 240 at 250 %, 266 × 200 at 300 %). Here the popup is a
 * tab of 800 × 600 at that zoom, which is the same window.
 */
const ZOOMS = [
  { zoom: 2, window: { width: 400, height: 300 } },
  { zoom: 2.5, window: { width: 320, height: 240 } },
  { zoom: 3, window: { width: 266, height: 200 } },
] as const;

/** A profile whose browser opens every page at `zoom` (Chrome's "Page zoom" setting). */
function zoomedProfile(zoom: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'savepoint-zoomed-'));
  mkdirSync(path.join(dir, 'Default'));
  // Chrome keeps the default zoom as a level: 1.2 to the power of the level is the factor.
  const level = Math.log(zoom) / Math.log(1.2);
  writeFileSync(
    path.join(dir, 'Default', 'Preferences'),
    JSON.stringify({ partition: { default_zoom_level: { x: level } } }),
  );
  return dir;
}

test('a browser zoomed to 200 % and more: the popup fits its smaller window, the history scrolls inside it and the rest stays in reach', async () => {
  test.setTimeout(120_000);
  for (const { zoom, window } of ZOOMS) {
    const profile = zoomedProfile(zoom);
    const context = await launchBrowser(profile);
    try {
      const extensionId = new URL((await serviceWorker(context)).url()).host;
      await configureExtension(context, { watched: [DEMO_PATTERN] });
      const dashboard = await new DashboardPage(await context.newPage()).open();
      for (const name of ['Ada', 'Grace', 'Hopper']) {
        await dashboard.saveBotNames(name);
        await dashboard.expectStatus('bot-names', 'Saved');
      }
      await expect.poll(async () => (await journalEntries(context)).length).toBe(3);
      const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
      const { page, entries } = popup;
      await page.setViewportSize({ width: 800, height: 600 });
      const label = `${zoom * 100} %`;
      expect(await page.evaluate(() => [innerWidth, innerHeight]), label).toEqual([
        window.width,
        window.height,
      ]);

      // The frame takes the window: the page itself does not scroll, either way.
      await expect
        .poll(() =>
          page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]),
        )
        .toEqual([window.width, window.height]);
      await expect(entries.first()).toBeVisible();
      // The history scrolls inside, with room for more than one entry.
      const room = await page.locator('.history-scroll').evaluate((element) => ({
        scrolls: element.scrollHeight > element.clientHeight,
        height: element.clientHeight,
      }));
      expect(room.scrolls, label).toBe(true);
      expect(room.height, label).toBeGreaterThan(120);
      await popup.expectFiltersReadable();
      await popup.screenshot(`popup-zoom-${zoom * 100}`);
      // Tools and the footer in reach: in view at once, or, in a window too short for all of it, once the frame
      // has scrolled to them (Tab does).
      for (const control of [popup.toolsButton, page.getByRole('button', { name: 'Options', exact: true })]) {
        await control.focus();
        await expect(control, label).toBeInViewport({ ratio: 1 });
      }
      if (zoom === 2.5) await popup.expectAccessible(`popup-zoom-${zoom * 100}`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
});
