import { configureExtension, journalEntries, serviceWorkerStorage } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { DEMO_PATTERN, DEMO_URL } from '../support/ports';
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
    await dashboard.page.evaluate(async () => {
      localStorage.setItem('left-by', 'the first test');
      document.cookie = 'left-by=first; max-age=3600; path=/';
      await caches.open('left-by-the-first-test');
      await new Promise((resolve, reject) => {
        const open = indexedDB.open('left-by-the-first-test', 1);
        open.onsuccess = () => resolve(open.result.close());
        open.onerror = () => reject(open.error);
      });
    });
    // A page its own service worker serves (the demo's offline app registers one).
    const app = await context.newPage();
    await app.goto(`${DEMO_URL}/acme/lab/offline-app/`);
    await app.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
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
    expect(
      await dashboard.page.evaluate(async () => ({
        localStorage: localStorage.getItem('left-by'),
        caches: await caches.keys(),
        databases: (await indexedDB.databases()).map((db) => db.name),
        serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
        online: navigator.onLine,
      })),
    ).toEqual({ localStorage: null, caches: [], databases: [], serviceWorkers: 0, online: true });
    expect(context.pages().map((p) => p.url())).toEqual(['about:blank', dashboard.page.url()]);
  });
});
