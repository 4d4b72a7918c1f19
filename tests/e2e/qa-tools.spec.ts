import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configureExtension, journalEntries, tabIdOf } from '../support/extension-api';
import { expect, launchBrowser, serviceWorker, test } from '../support/extension-fixture';
import { DEMO_PATTERN } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

test.describe('QA tools', () => {
  test('empty state, labelled capture, pin, diff, export, and import into a fresh profile', async ({
    context,
    extensionId,
  }, testInfo) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await expect(popup.page.getByText(/No backups yet/)).toBeVisible();
    await popup.screenshot('popup-empty');
    await popup.expectAccessible('popup-empty');

    await popup.openTools();
    await popup.expectPlaceholdersWhole();
    await popup.screenshot('popup-tools');
    await popup.expectAccessible('popup-tools');
    await popup.page
      .getByLabel('Label', { exact: true })
      .fill('Before the migration of every dashboard setting to the new cluster');
    await popup.page.getByLabel('Note', { exact: true }).fill('QA run 42');
    await popup.page.getByRole('button', { name: 'Capture now' }).click();
    await expect(popup.page.getByText('Captured 3 sections', { exact: true })).toBeVisible();
    await expect.poll(async () => (await journalEntries(context)).length).toBe(3);
    expect(
      (await journalEntries(context)).every(
        (e) =>
          e.source === 'manual' &&
          e.label === 'Before the migration of every dashboard setting to the new cluster',
      ),
    ).toBe(true);
    await dashboard.saveBotNames('After the migration');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(4);

    await expect(popup.entries).toHaveCount(4);
    // A long label does not hide the note: each has its line, cut with an ellipsis and named in its tooltip.
    await expect(popup.entries.nth(1).getByText('QA run 42', { exact: true })).toBeVisible();
    await popup.expectEntriesReadable();
    await popup.screenshot('popup-labelled');
    await popup.entries.first().getByRole('button', { name: 'Pin' }).click();
    await expect(popup.entries.first().getByRole('img', { name: 'Pinned' })).toBeVisible();
    await popup.page.getByLabel('Search labels').fill('migration');
    await expect(popup.entries).toHaveCount(3);
    // A search that leaves nothing to list says so as a status, read out where the list was.
    await popup.page.getByLabel('Search labels').fill('zzzz');
    await expect(
      popup.page.getByRole('status').filter({ hasText: 'No backups match these filters.' }),
    ).toBeVisible();
    await popup.page.getByLabel('Search labels').fill('');
    await popup.entries.first().getByRole('button', { name: 'Diff' }).click();
    await expect(popup.page.getByText('After the migration')).toBeVisible();
    await popup.screenshot('popup-diff');
    await popup.expectAccessible('popup-diff');
    await popup.page.getByRole('button', { name: 'Back to history' }).click();

    await popup.openTools();
    const [download] = await Promise.all([
      popup.page.waitForEvent('download'),
      popup.page.getByRole('button', { name: 'Export all' }).click(),
    ]);
    const bundlePath = testInfo.outputPath('bundle.json');
    await download.saveAs(bundlePath);

    const freshDir = mkdtempSync(path.join(tmpdir(), 'savepoint-fresh-'));
    const fresh = await launchBrowser(freshDir);
    try {
      const freshId = new URL((await serviceWorker(fresh)).url()).host;
      const freshPopup = await PopupPage.open(fresh, freshId);
      await freshPopup.openTools();
      await freshPopup.page.getByLabel('Import bundle').setInputFiles(bundlePath);
      await expect(freshPopup.page.getByText('4 added, 0 identical, 0 invalid')).toBeVisible();
      await freshPopup.page.getByLabel('Import bundle').setInputFiles(bundlePath);
      await expect(freshPopup.page.getByText('0 added, 4 identical, 0 invalid')).toBeVisible();
      expect((await journalEntries(fresh)).map((e) => e.source)).toEqual([
        'import',
        'import',
        'import',
        'import',
      ]);
      await freshPopup.reload();
      await expect(freshPopup.entries).toHaveCount(4);
    } finally {
      await fresh.close();
      rmSync(freshDir, { recursive: true, force: true });
    }
  });
});
