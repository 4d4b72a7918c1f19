import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { configureExtension, journalEntries, syncStatus, tabIdOf } from '../support/extension-api';
import { expect, launchBrowser, serviceWorker, test } from '../support/extension-fixture';
import { localConvex } from '../support/local-convex';
import { CONVEX_URL, DEMO_PATTERN, TEST_ACME_KEY } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

/** Issue 14: several workspaces from one set-up, and admins' actions reaching every device. */

async function openOptions(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

/** A second browser profile with the extension, as a colleague's laptop. */
async function secondBrowser() {
  const dir = mkdtempSync(path.join(tmpdir(), 'savepoint-second-'));
  const context = await launchBrowser(dir);
  const extensionId = new URL((await serviceWorker(context)).url()).host;
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test.describe('teams', () => {
  test('two workspaces sync from one browser: the uncovered one says which key and how to fix it, then catches up', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [DEMO_PATTERN],
    });
    const acme = await new DashboardPage(await context.newPage()).open();
    const globex = await new DashboardPage(await context.newPage(), 'globex').open();
    await acme.saveBotNames('Acme bot');
    await acme.expectStatus('bot-names', 'Saved');
    await globex.saveBotNames('Globex bot');
    await globex.expectStatus('bot-names', 'Saved');

    await expect.poll(async () => (await localConvex.backups('acme')).length).toBe(1);
    await expect
      .poll(async () => (await syncStatus(context, 'globex'))?.error)
      .toContain('Access key "Local admin" does not cover workspace "globex"; it covers "acme"');
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, globex.page));
    await popup.expectStatus('Sync error');
    await popup.expectStatus('add a key for this workspace in Options');
    await expect(popup.page.getByRole('button', { name: /options/i }).first()).toBeVisible();
    // The backup waiting on that error says it waits; the header says why, once.
    await expect(popup.entries.first()).toContainText('Waiting to sync');
    await expect(popup.entries.first()).not.toContainText('does not cover');
    await popup.expectEntriesReadable();
    await popup.screenshot('teams-uncovered-workspace');
    await popup.close();

    // The fix, as a user makes it: a key of globex under "Keys for other workspaces".
    const { key } = await localConvex.createKey('globex', 'admin', 'Globex admin');
    const options = await openOptions(context, extensionId);
    const convex = options.getByRole('region', { name: 'Convex backup' });
    await convex.getByLabel('Workspace', { exact: true }).fill('globex');
    await convex.getByLabel('Workspace key').fill(key);
    await convex.getByRole('button', { name: 'Add key for workspace' }).click();
    await expect(convex.getByRole('list', { name: 'Keys for other workspaces' })).toContainText(
      `globex key …${key.slice(-4)}`,
    );
    await convex.getByRole('button', { name: 'Test connection' }).click();
    await expect(convex.getByRole('status').last()).toContainText(
      'globex: Connected: admin key "Globex admin"',
    );
    await convex.getByRole('button', { name: 'Save connection' }).click();
    await options.screenshot({ path: 'test-results/screenshots/options-workspace-keys.png', fullPage: true });

    // Nothing was lost meanwhile: the waiting backup reaches globex, and both workspaces say synced.
    await expect.poll(async () => (await localConvex.backups('globex')).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await syncStatus(context, 'globex'))?.state).toBe('synced');
    expect((await syncStatus(context, 'acme'))?.state).toBe('synced');
    const entries = await journalEntries(context);
    expect(entries.map((e) => [e.workspace, e.outbox])).toEqual([
      ['acme', 'synced'],
      ['globex', 'synced'],
    ]);
  });

  test("an admin's pin and delete on one browser show on a second after a pull, where a capture key sees them read-only", async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [DEMO_PATTERN],
    });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('One');
    await dashboard.expectStatus('bot-names', 'Saved');
    await dashboard.saveBotNames('Two');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await localConvex.backups('acme')).length).toBe(2);

    const colleague = await secondBrowser();
    try {
      const { key } = await localConvex.createKey('acme', 'capture', 'QA laptop');
      await configureExtension(colleague.context, {
        convexUrl: CONVEX_URL,
        accessKey: key,
        watched: [DEMO_PATTERN],
      });
      const theirPage = await new DashboardPage(await colleague.context.newPage()).open();
      const theirTab = await tabIdOf(colleague.context, theirPage.page);
      let theirs = await PopupPage.open(colleague.context, colleague.extensionId, theirTab);
      await expect(theirs.entries).toHaveCount(2);
      await expect(theirs.entries.first()).toContainText('key Local admin');
      await theirs.close();

      // The admin pins the older backup and deletes the newer one, on the first browser.
      const admin = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
      await expect(admin.entries).toHaveCount(2);
      await admin.entries.nth(1).getByRole('button', { name: 'Pin' }).click();
      await expect(admin.entries.nth(1).getByRole('img', { name: /^Pinned by / })).toBeVisible();
      await admin.entries.nth(0).getByRole('button', { name: 'Delete' }).click();
      await admin.page
        .getByRole('group', { name: 'Confirm delete' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await expect(admin.entries).toHaveCount(1);
      await admin.close();

      // The colleague's next pull (opening the popup) shows both, and pin/delete are read-only with the reason.
      theirs = await PopupPage.open(colleague.context, colleague.extensionId, theirTab);
      await expect(theirs.entries).toHaveCount(1);
      const entry = theirs.entries.first();
      await expect(entry.getByRole('img', { name: /^Pinned by .*key Local admin$/ })).toBeVisible();
      await expect(entry.getByRole('button', { name: 'Delete' })).toBeDisabled();
      await expect(entry.getByRole('button', { name: 'Unpin' })).toBeDisabled();
      // Restoring too, which Convex refuses a capture key: said before the click, not after it.
      await expect(entry.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();
      await expect(entry.getByRole('button', { name: 'Diff' })).toBeEnabled();
      // Said once above the history, not again in every entry (two lines each, so that only three fitted).
      const why = 'Restoring, pinning and deleting need an admin key; key "QA laptop" is a capture key';
      await expect(theirs.page.getByText(why, { exact: true })).toHaveCount(1);
      await expect(entry).not.toContainText(why);
      // A screen reader still hears why, on the disabled button.
      await expect(entry.getByRole('button', { name: 'Delete' })).toHaveAccessibleDescription(
        /need an admin key; key "QA laptop" is a capture key$/,
      );
      await theirs.screenshot('teams-capture-key-read-only');

      // Even a delete sent past the disabled button is refused by Convex, with a clear message, and deletes nothing.
      const [record] = await journalEntries(colleague.context);
      const reply = await theirs.page.evaluate(
        (id) => chrome.runtime.sendMessage({ type: 'backup:delete', data: { id } }),
        record!.id,
      );
      expect(reply).toEqual({
        ok: false,
        error: 'Deleting a backup needs an admin key; this is a capture key',
      });
      expect(await journalEntries(colleague.context)).toHaveLength(1);
      expect(await localConvex.backups('acme')).toHaveLength(1);
    } finally {
      await colleague.close();
    }
  });

  test("an admin sets a workspace's retention from Options for every device; a capture key is told it needs an admin key", async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [DEMO_PATTERN],
    });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    for (const name of ['One', 'Two', 'Three']) {
      await dashboard.saveBotNames(name);
      await dashboard.expectStatus('bot-names', 'Saved');
    }
    await expect.poll(async () => (await localConvex.backups('acme')).length).toBe(3);
    await expect
      .poll(async () => (await journalEntries(context)).every((e) => e.outbox === 'synced'))
      .toBe(true);

    const options = await openOptions(context, extensionId);
    const retention = options.getByRole('region', { name: 'Retention' });
    await retention.getByLabel('Workspace to change').fill('acme');
    await retention.getByLabel('Kept per section in this workspace').fill('1');
    await retention.getByRole('button', { name: 'Set for every device' }).click();
    await expect(retention.getByRole('status').last()).toHaveText(
      'Workspace "acme" keeps 1 per section on every device',
    );
    // This device follows at once: only the newest backup of the section stays.
    await expect.poll(async () => (await journalEntries(context)).length).toBe(1);
    await expect(retention.getByRole('list', { name: 'Workspace retention set in Convex' })).toContainText(
      'acme keeps 1 per section',
    );

    const { key } = await localConvex.createKey('acme', 'capture', 'QA laptop');
    await configureExtension(context, { convexUrl: CONVEX_URL, accessKey: key, watched: [DEMO_PATTERN] });
    await retention.getByLabel('Kept per section in this workspace').fill('5');
    await retention.getByRole('button', { name: 'Set for every device' }).click();
    await expect(retention.getByRole('status').last()).toHaveText(
      'Changing the retention needs an admin key; this is a capture key',
    );

    // Testing the capture key says what it cannot do, not only that it connects.
    await options.reload();
    const convex = options.getByRole('region', { name: 'Convex backup' });
    await convex.getByRole('button', { name: 'Test connection' }).click();
    await expect(convex.getByRole('status').last()).toHaveText(
      'Connected: capture key "QA laptop" for "acme". It backs up; restoring, pinning and deleting need an admin key',
    );
  });
});
