import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { badgeText, configureExtension, journalEntries, tabIdOf } from '../support/extension-api';
import { expect, launchBrowser, test } from '../support/extension-fixture';
import { CONVEX_URL, DEMO_PATTERN, DEMO_URL, TEST_ACME_KEY } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

test('a watched page that changed since the last backup says so, and "Capture changes" catches up', async ({
  context,
  extensionId,
}) => {
  await configureExtension(context, { watched: [DEMO_PATTERN] });
  const dashboard = await new DashboardPage(await context.newPage()).open();
  await dashboard.saveBotNames('Ada');
  await dashboard.expectStatus('bot-names', 'Saved');
  await expect.poll(async () => (await journalEntries(context)).length).toBe(1);

  // Someone changes the settings elsewhere (not through this browser).
  await fetch(`${DEMO_URL}/api/workspaces/acme/settings/bot-names`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ primaryName: 'Changed elsewhere', fallbackName: 'Someone else' }),
  });
  await dashboard.page.reload();
  await expect.poll(() => badgeText(context), { timeout: 10_000 }).toBe('•');

  const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
  await expect(popup.page.getByText(/2 fields changed/)).toBeVisible();
  await popup.screenshot('popup-drift');
  await popup.expectAccessible('popup-drift');
  await popup.page.getByRole('button', { name: 'Review changes' }).click();
  // Read from the backup to the page: what was there, then what the page has now.
  await expect(popup.page.getByText('2 fields changed on the page since this backup.')).toBeVisible();
  await expect(popup.page.getByRole('columnheader', { name: 'This backup → page now' })).toBeVisible();
  const primary = popup.row('Primary bot name');
  await expect(primary.locator('.value.before')).toHaveText('Ada');
  await expect(primary.locator('.value.after')).toHaveText('Changed elsewhere');
  await popup.screenshot('popup-drift-review');
  await popup.page.getByRole('button', { name: 'Back to history' }).click();
  // A label typed in the Tools menu and left there is Capture now's, not "Capture changes"'s.
  await popup.openTools();
  await popup.page.getByLabel('Label', { exact: true }).fill('half-typed label');
  await popup.toolsButton.click();

  // From the keyboard: the notice says what it captured where the changes were, and keeps the focus there.
  const notice = popup.page.getByRole('region', { name: 'Changes since the last backup' });
  await notice.getByRole('button', { name: 'Capture changes' }).focus();
  await popup.page.keyboard.press('Enter');
  expect(await popup.page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  await expect(notice).toHaveText('Captured 3 sections');
  await expect(notice).toBeFocused();
  // "Capture changes" is Capture now: every section of the page, the changed one among them, with no label.
  await expect
    .poll(async () =>
      (await journalEntries(context)).map((e) => `${e.type}/${e.source}${e.label ? ` "${e.label}"` : ''}`),
    )
    .toEqual(['bot-names/auto', 'bot-names/manual', 'intern/manual', 'brain/manual']);
  // The label waits in the Tools menu for its own Capture now.
  await popup.openTools();
  await expect(popup.page.getByLabel('Label', { exact: true })).toHaveValue('half-typed label');
});

test("another device's backup of what the page shows, pulled when the popup opens, ends the drift notice", async ({
  context,
  extensionId,
}) => {
  const setup = { convexUrl: CONVEX_URL, accessKey: TEST_ACME_KEY, watched: [DEMO_PATTERN] };
  await configureExtension(context, setup);
  const dashboard = await new DashboardPage(await context.newPage()).open();
  await dashboard.saveBotNames('Ada');
  await dashboard.expectStatus('bot-names', 'Saved');
  await expect.poll(async () => (await journalEntries(context)).map((e) => e.outbox)).toEqual(['synced']);

  // A colleague saves on another device, whose Savepoint backs it up to the same Convex.
  const otherProfile = mkdtempSync(path.join(tmpdir(), 'savepoint-other-device-'));
  const other = await launchBrowser(otherProfile);
  try {
    await configureExtension(other, setup);
    const elsewhere = await new DashboardPage(await other.newPage()).open();
    await elsewhere.saveBotNames('Changed on another device');
    await elsewhere.expectStatus('bot-names', 'Saved');
    // (It may have pulled this device's backup as well: that one is "remote" there.)
    await expect.poll(async () => (await journalEntries(other)).map((e) => e.outbox)).toContain('synced');
  } finally {
    await other.close();
    rmSync(otherProfile, { recursive: true, force: true });
  }

  // This device has not pulled it yet: the page differs from its own latest backup.
  await dashboard.page.reload();
  await expect.poll(() => badgeText(context), { timeout: 10_000 }).toBe('•');

  // Opening the popup pulls the colleague's backup, which is what the page shows: nothing changed since it.
  const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
  await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
  await expect(popup.page.getByRole('region', { name: 'Changes since the last backup' })).toHaveCount(0);
  await expect.poll(() => badgeText(context)).toBe('');
});
