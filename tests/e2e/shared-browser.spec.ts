import { configureExtension, journalEntries, serviceWorkerStorage } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { DEMO_PATTERN } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';

// The tests share one Chromium (tests/support/extension-fixture.ts): what one test leaves must not reach the next.
// The second test runs after the first, in the same browser, and finds none of it.
test.describe.serial('one browser for the tests, nothing carried from one test to the next', () => {
  test('a test saves, stores and sets a cookie', async ({ context }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Left by the first test');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(1);
    await dashboard.page.evaluate(() => {
      localStorage.setItem('left-by', 'the first test');
      document.cookie = 'left-by=first; max-age=3600; path=/';
    });
    context.on('page', () => {
      throw new Error("The first test's listener outlived it");
    });
  });

  test('the next test finds a fresh extension and a clean dashboard origin', async ({ context }) => {
    expect(await journalEntries(context)).toEqual([]);
    expect(await serviceWorkerStorage(context, 'watchedDashboards')).toBeUndefined();
    expect(await context.cookies()).toEqual([]);
    const page = await context.newPage();
    const dashboard = await new DashboardPage(page).open();
    expect(await dashboard.page.evaluate(() => localStorage.getItem('left-by'))).toBeNull();
    expect(context.pages().map((p) => p.url())).toEqual(['about:blank', dashboard.page.url()]);
  });
});
