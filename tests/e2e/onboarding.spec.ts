import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { configureExtension, journalEntries, serviceWorkerStorage, tabIdOf } from '../support/extension-api';
import { expect, serviceWorker, test } from '../support/extension-fixture';
import { CONVEX_URL, TEST_ACME_KEY } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

test.describe('onboarding as a new user', () => {
  test('watch a dashboard from the popup, get backups without the options page, then unwatch', async ({
    context,
    extensionId,
  }) => {
    await serviceWorker(context);
    const dashboard = await new DashboardPage(await context.newPage()).open();
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await expect(popup.page.getByText('This page is not watched')).toBeVisible();
    await popup.expectFiltersReadable();
    await popup.screenshot('popup-not-watched');
    await popup.expectAccessible('popup-not-watched');
    await popup.page.getByRole('button', { name: 'Watch this dashboard' }).click();
    await expect(popup.page.getByLabel('Dashboard URL pattern')).toHaveValue(
      'http://127.0.0.1:*/:workspace/settings*',
    );
    await popup.page.getByRole('button', { name: 'Watch', exact: true }).click();
    await expect(popup.page.getByText(/Watching/)).toBeVisible();

    await dashboard.page.reload();
    await dashboard.saveBotNames('Watched from the popup');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(1);
    await popup.reload();
    await expect(popup.entries.first()).toContainText('Bot names');
    await popup.screenshot('popup-offline-history');
    await popup.expectAccessible('popup-offline-history');

    await popup.page.getByRole('button', { name: 'Unwatch' }).click();
    await popup.page
      .getByRole('group', { name: 'Confirm unwatch' })
      .getByRole('button', { name: 'Unwatch' })
      .click();
    await expect
      .poll(async () => (await serviceWorkerStorage(context, 'watchedDashboards')) as unknown[])
      .toEqual([]);
    await dashboard.page.reload();
    await dashboard.saveBotNames('No longer watched');
    await dashboard.expectStatus('bot-names', 'Saved');
    await dashboard.page.waitForTimeout(500);
    expect(await journalEntries(context)).toHaveLength(1);
  });

  test('the options page configures Convex and tells a good connection from a bad one', async ({
    context,
    extensionId,
  }) => {
    const options = await openOptions(context, extensionId);
    const convex = options.getByRole('region', { name: 'Convex backup' });
    await convex.getByLabel('Convex URL').fill(CONVEX_URL);
    await convex.getByLabel('Access key').fill('sp_wrong_key_0123456789');
    await convex.getByRole('button', { name: 'Test connection' }).click();
    await expect(convex.getByRole('status').last()).toContainText('Access key rejected');
    await convex.getByLabel('Access key').fill(TEST_ACME_KEY);
    await convex.getByRole('button', { name: 'Test connection' }).click();
    await expect(convex.getByRole('status').last()).toContainText(
      'Connected: admin key "Local admin" for "acme"',
    );
    await convex.getByLabel('Convex URL').fill('http://127.0.0.1:9');
    await convex.getByRole('button', { name: 'Test connection' }).click();
    await expect(convex.getByRole('status').last()).toContainText('Unreachable');
    await convex.getByLabel('Convex URL').fill(CONVEX_URL);
    await convex.getByRole('button', { name: 'Save connection' }).click();
    await expect
      .poll(async () => serviceWorkerStorage(context, 'settings'))
      .toMatchObject({
        convexUrl: CONVEX_URL,
        accessKey: TEST_ACME_KEY,
      });

    const dashboards = options.getByRole('region', { name: 'Watched dashboards' });
    await dashboards.getByLabel('Dashboard URL pattern').fill('not a pattern');
    await dashboards.getByRole('button', { name: 'Add' }).click();
    await expect(dashboards.getByRole('alert')).toContainText('URL pattern like');
    await dashboards.getByLabel('Dashboard URL pattern').fill('http://127.0.0.1:*/:workspace/settings*');
    await dashboards.getByRole('button', { name: 'Add' }).click();
    // The list's entry, not the pattern field's help, which says the same until the field is cleared.
    await expect(dashboards.getByText(':workspace from the path', { exact: true })).toBeVisible();
    await options.screenshot({ path: 'test-results/screenshots/options.png', fullPage: true });
    expect((await new AxeBuilder({ page: options }).analyze()).violations).toEqual([]);
    // Each help text has room below it: none runs into the label of the field after it.
    const cramped = await options.evaluate(() =>
      [...document.querySelectorAll('.field-help')].flatMap((help) => {
        const next = help.nextElementSibling;
        if (!next || next.getClientRects().length === 0) return [];
        const gap = next.getBoundingClientRect().top - help.getBoundingClientRect().bottom;
        return gap < 8
          ? [`"${(help.textContent ?? '').slice(0, 40)}…": ${gap.toFixed(1)} px above what follows`]
          : [];
      }),
    );
    expect(cramped, 'help texts touching what follows').toEqual([]);
    // A screen reader's list of buttons tells each one apart ("Save" alone would not say what it saves).
    const names = await options
      .getByRole('button')
      .evaluateAll((buttons) =>
        buttons
          .filter((button) => button.getClientRects().length > 0)
          .map((button) => button.getAttribute('aria-label') ?? (button.textContent ?? '').trim()),
      );
    expect(
      names.filter((name, i) => names.indexOf(name) !== i),
      'buttons with the same name',
    ).toEqual([]);

    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Configured in options');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.outbox)).toEqual(['synced']);
  });

  test('a watched list the administrator locked cannot be changed from the popup', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, { watched: ['http://127.0.0.1:*/acme/settings*'] });
    const worker = await serviceWorker(context);
    await worker.evaluate(async () => {
      await chrome.storage.local.set({ testManagedPolicy: { locked: ['watchedDashboards'] } });
    });
    await expect
      .poll(async () => serviceWorkerStorage(context, 'settings'))
      .toMatchObject({ locked: ['watchedDashboards'] });

    const watchedPage = await new DashboardPage(await context.newPage()).open();
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, watchedPage.page));
    await expect(popup.page.getByText('Managed by your administrator')).toBeVisible();
    await expect(popup.page.getByRole('button', { name: 'Unwatch' })).toHaveCount(0);

    const otherPage = await new DashboardPage(await context.newPage(), 'globex').open();
    const other = await PopupPage.open(context, extensionId, await tabIdOf(context, otherPage.page));
    await expect(other.page.getByText('This page is not watched')).toBeVisible();
    await expect(other.page.getByText('Managed by your administrator')).toBeVisible();
    await expect(other.page.getByRole('button', { name: 'Watch this dashboard' })).toHaveCount(0);
    expect(await serviceWorkerStorage(context, 'watchedDashboards')).toMatchObject([
      { pattern: 'http://127.0.0.1:*/acme/settings*' },
    ]);
  });

  test('a managed policy shows as managed and cannot be edited', async ({ context, extensionId }) => {
    await configureExtension(context, {});
    const worker = await serviceWorker(context);
    await worker.evaluate(async (url) => {
      await chrome.storage.local.set({
        testManagedPolicy: {
          convexUrl: url,
          watchedDashboards: [{ pattern: 'https://dash.example.com/:workspace/settings*' }],
          locked: ['convexUrl'],
        },
      });
    }, CONVEX_URL);
    const options = await openOptions(context, extensionId);
    await expect(options.getByText('Managed by your administrator').first()).toBeVisible();
    await expect(options.getByLabel('Convex URL')).toBeDisabled();
    await expect(options.getByLabel('Convex URL')).toHaveValue(CONVEX_URL);
    await expect(options.getByText('https://dash.example.com/:workspace/settings*')).toBeVisible();
    await options.screenshot({ path: 'test-results/screenshots/options-managed.png', fullPage: true });
  });
});
