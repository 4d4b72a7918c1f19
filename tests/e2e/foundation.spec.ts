import { configureExtension, journalEntries, syncStatus, tabIdOf } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { localConvex } from '../support/local-convex';
import { CONVEX_URL, TEST_ACME_KEY } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

// The pattern a user would type in the options page: workspace from the path, any port.
const PATTERN = 'http://127.0.0.1:*/:workspace/settings*';

test.describe('a dashboard save becomes a Convex backup shown in the popup', () => {
  test('a fetch save is backed up once, synced, and listed with its relative time', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [PATTERN],
    });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Ada');
    await dashboard.expectStatus('bot-names', 'Saved');

    await expect.poll(async () => (await localConvex.backups()).length).toBe(1);
    const [backup] = await localConvex.backups();
    expect(backup?.type).toBe('bot-names');
    expect(backup?.data).toContain('"Ada"');

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.expectStatus('Synced');
    await expect(popup.entries.first()).toContainText('less than a minute ago');
    await expect(popup.entries.first()).toContainText('Bot names');
    await popup.expectFiltersReadable();
    await popup.expectTextLegible();
    await popup.expectEntriesReadable();
    await popup.expectStatusPartsWhole();
    await popup.screenshot('popup-synced');
    await popup.expectAccessible('popup-synced');
    expect(await journalEntries(context)).toHaveLength(1);
  });

  test('a save the dashboard rejects (500) creates no backup', async ({ context }) => {
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [PATTERN],
    });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await fetch(`${new URL(dashboard.url).origin}/_test/reject-next`, {
      method: 'POST',
      body: JSON.stringify({ count: 1, status: 500 }),
    });
    await dashboard.saveBotNames('Rejected');
    await dashboard.expectStatus('bot-names', 'Save failed (500)');
    await dashboard.saveBrain('Accepted after the rejection');
    await dashboard.expectStatus('brain', 'Saved');

    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toEqual(['brain']);
    await expect.poll(async () => (await localConvex.backups()).map((b) => b.type)).toEqual(['brain']);
  });

  test('a classic form post answered by a redirect is backed up', async ({ context }) => {
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [PATTERN],
    });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveIntern(42);
    await dashboard.expectStatus('intern', 'Saved');

    await expect.poll(async () => (await localConvex.backups()).map((b) => b.type)).toEqual(['intern']);
    const [backup] = await localConvex.backups();
    expect(JSON.parse(backup?.data ?? '{}').fields).toContainEqual(
      expect.objectContaining({ key: 'maxTicketsPerDay', value: '42' }),
    );
  });

  test('with Convex stopped the save still succeeds, the backup waits locally, and syncs when Convex is back', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [PATTERN],
    });
    await localConvex.down();
    try {
      const dashboard = await new DashboardPage(await context.newPage()).open();
      await dashboard.saveBotNames('Offline Ada');
      await dashboard.expectStatus('bot-names', 'Saved');

      await expect.poll(async () => (await syncStatus(context, 'acme'))?.state).toBe('error');
      expect(await journalEntries(context)).toHaveLength(1);
      const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
      await popup.expectStatus('Sync error');
      await expect(popup.page.getByRole('button', { name: 'Retry' })).toBeVisible();
      // Which workspace failed, beside Retry: with one workspace no filter names it.
      await expect(popup.page.locator('.workspace-chip')).toHaveText('acme');
      await expect(popup.entries.first()).toContainText(/waiting to sync/i);
      // Arrowing through the list, a screen reader hears it with the entry's title.
      await expect(popup.entries.first()).toHaveAccessibleDescription('Waiting to sync');
      await popup.expectEntriesReadable();
      await popup.expectStatusPartsWhole();
      await popup.screenshot('popup-sync-error');

      // Back up: the retry (backoff timer, alarm, or the user's Retry) sends the waiting backup.
      await localConvex.up();
      await popup.expectStatus('Synced');
      await expect.poll(async () => (await localConvex.backups()).length).toBe(1);
      expect((await journalEntries(context))[0]?.outbox).toBe('synced');
    } finally {
      await localConvex.up();
    }
  });

  test('with no Convex configured, backups stay local and the popup says so', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, { watched: [PATTERN] });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Local only');
    await dashboard.expectStatus('bot-names', 'Saved');

    await expect.poll(async () => (await journalEntries(context)).length).toBe(1);
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.expectStatus('Local only');
    await expect(popup.page.getByText(/this device only/i)).toBeVisible();
    await popup.screenshot('popup-offline');
  });
});
