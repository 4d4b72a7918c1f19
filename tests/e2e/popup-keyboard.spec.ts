import type { BrowserContext, Locator, Page } from '@playwright/test';
import { configureExtension, journalEntries, syncStatus, tabIdOf } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { localConvex } from '../support/local-convex';
import { CONVEX_URL, DEMO_PATTERN, DEMO_URL, TEST_ACME_KEY } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

/** Tab presses the popup is allowed to need to reach any control from the one before. */
const MAX_TABS = 80;

/** Presses Tab until `target` has the focus; fails if it never gets it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < MAX_TABS; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The demo dashboard after one save of each name in turn, and the popup opened on its tab, listing them. */
async function popupAfterSaves(
  context: BrowserContext,
  extensionId: string,
  names: string[],
): Promise<{ dashboard: DashboardPage; popup: PopupPage }> {
  const dashboard = await new DashboardPage(await context.newPage()).open();
  for (const name of names) {
    await dashboard.saveBotNames(name);
    await dashboard.expectStatus('bot-names', 'Saved');
  }
  await expect.poll(async () => (await journalEntries(context)).length).toBe(names.length);
  const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
  await expect(popup.entries).toHaveCount(names.length);
  return { dashboard, popup };
}

test.describe('the popup from the keyboard', () => {
  test('Tab, the arrows, Enter and Escape reach the history, diff, restore, the tools menu and Retry', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [DEMO_PATTERN],
    });
    const { dashboard, popup } = await popupAfterSaves(context, extensionId, ['Ada', 'Grace']);
    const { page, entries } = popup;

    // The history: one Tab stop for the list, the arrows move between entries.
    await tabTo(page, entries.first());
    await popup.expectFocusRingShown();
    await page.keyboard.press('ArrowDown');
    await expect(entries.nth(1)).toBeFocused();
    await popup.expectFocusRingShown();
    await page.keyboard.press('ArrowUp');
    await expect(entries.first()).toBeFocused();

    // Enter on an entry opens its diff; Escape goes back to the entry.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Diff: Bot names' })).toBeFocused();
    await expect(page.getByRole('row', { name: /Primary bot name/ })).toContainText('Grace');
    // "Compare with" names the older backup it compares with.
    await popup.expectSelectsReadable();
    await page.keyboard.press('Escape');
    await expect(entries.first()).toBeFocused();

    // An entry's Diff button, then back to it.
    const diff = entries.first().getByRole('button', { name: 'Diff' });
    await tabTo(page, diff);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Diff: Bot names' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(diff).toBeFocused();

    // Delete and Not a save ask first: the focus goes to Cancel, and Escape or Cancel puts it back on the button.
    for (const [name, group] of [
      ['Delete', 'Confirm delete'],
      ['Not a save', 'Confirm not a settings save'],
    ]) {
      const ask = entries.first().getByRole('button', { name, exact: true });
      const confirm = entries.first().getByRole('group', { name: group });
      await tabTo(page, ask);
      await page.keyboard.press('Enter');
      await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(confirm).toBeHidden();
      await expect(ask).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(confirm).toBeHidden();
      await expect(ask).toBeFocused();
    }
    await expect(entries).toHaveCount(2);

    // Restore the older backup: preview, restore, report, done.
    const restore = entries.nth(1).getByRole('button', { name: 'Restore', exact: true });
    await tabTo(page, restore);
    const opener = await restore.elementHandle();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Restore Bot names' })).toBeFocused();
    const apply = page.getByRole('button', { name: /^Restore \d+ fields?$/ });
    await tabTo(page, apply);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Restore report' })).toBeFocused({ timeout: 30_000 });
    await expect(dashboard.page.getByLabel('Primary bot name')).toHaveValue('Ada');
    await page.keyboard.press('Escape');
    // The restore made a backup of what it replaced, so the entry that opened it may have moved down the list.
    await expect.poll(() => opener?.evaluate((element) => element === document.activeElement)).toBe(true);

    // The tools menu: Enter opens it, Capture now with a label, Escape closes it and returns to its button.
    await tabTo(page, popup.toolsButton);
    await page.keyboard.press('Enter');
    await expect(popup.toolsButton).toHaveAttribute('aria-expanded', 'true');
    await tabTo(page, page.getByLabel('Label', { exact: true }));
    await page.keyboard.type('From the keyboard');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await journalEntries(context)).filter((e) => e.label === 'From the keyboard').length)
      .toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect(popup.toolsButton).toBeFocused();
    await expect(popup.toolsButton).toHaveAttribute('aria-expanded', 'false');

    // Unwatch asks first too: Cancel takes the focus, Escape gives it back.
    const unwatch = page.getByRole('button', { name: 'Unwatch', exact: true });
    await tabTo(page, unwatch);
    await page.keyboard.press('Enter');
    const confirmUnwatch = page.getByRole('group', { name: 'Confirm unwatch' });
    await expect(confirmUnwatch.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirmUnwatch).toBeHidden();
    await expect(unwatch).toBeFocused();

    // Retry, once sync fails.
    await localConvex.down();
    try {
      await dashboard.saveBotNames('Offline');
      await dashboard.expectStatus('bot-names', 'Saved');
      await expect.poll(async () => (await syncStatus(context, 'acme'))?.state).toBe('error');
      await popup.expectStatus('Sync error');
      // Here rather than in the foundation spec: Retry, not the growing backoff, ends this error state.
      await popup.expectAccessible('popup-sync-error');
      await tabTo(page, page.getByRole('button', { name: 'Retry' }));
      await localConvex.up();
      await page.keyboard.press('Enter');
      // Not the page's body while it retries (the button keeps the focus), nor once Retry has gone with the error:
      // the status it changed takes the focus, so the next Tab goes on from the header.
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
      await popup.expectStatus('Synced');
      await expect(popup.status).toBeFocused();
      // One focus ring around the status's lines (it is inline, beside the Options link).
      await popup.page
        .locator('.status-header')
        .screenshot({ path: 'test-results/screenshots/popup-status-focused.png' });
    } finally {
      await localConvex.up();
    }
  });

  test('Undo restore from the keyboard leaves the focus in the report, on the line that says it was undone', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const { dashboard, popup } = await popupAfterSaves(context, extensionId, ['Ada', 'Grace']);
    const { page, entries } = popup;

    await tabTo(page, entries.nth(1).getByRole('button', { name: 'Restore', exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: /^Restore \d+ fields?$/ }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Restore report' })).toBeFocused({ timeout: 30_000 });
    await expect(dashboard.page.getByLabel('Primary bot name')).toHaveValue('Ada');

    const undo = page.getByRole('button', { name: 'Undo restore' });
    await tabTo(page, undo);
    await page.keyboard.press('Enter');
    // While the dashboard saves, the focus stays in the report (the button that was pressed keeps it).
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    const summary = page.locator('.report-summary');
    await expect(summary).toHaveText('Undone: 1 of 1 field put back as before the restore', {
      timeout: 30_000,
    });
    await expect(dashboard.page.getByLabel('Primary bot name')).toHaveValue('Grace');
    // Not the page's body, from where the next Tab would start again at the top of the popup.
    await expect(summary).toBeFocused();
    // Then the fields it left alone, listed on request, and Done.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('checkbox', { name: /^Show \d+ unchanged$/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Done' })).toBeFocused();
  });

  test('a control pressed from the keyboard keeps the focus while it works and after: a slow restore, Capture now, Export, Import, Compare with page', async ({
    context,
    extensionId,
  }, testInfo) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const { popup } = await popupAfterSaves(context, extensionId, ['Ada', 'Grace']);
    const { page, entries } = popup;
    /** Presses Enter on the focused control; the focus must not fall to the body, then or once `done` holds. */
    const pressKeepingFocus = async (control: Locator, done: () => Promise<void>) => {
      await expect(control).toBeFocused();
      await page.keyboard.press('Enter');
      expect(
        await page.evaluate(() => document.activeElement?.tagName),
        'the focus right after Enter',
      ).not.toBe('BODY');
      await done();
      await expect(control).toBeFocused();
    };

    // A restore while the dashboard takes its time to save: its button says so, and keeps the focus.
    const delaySaves = (ms: number) =>
      fetch(`${DEMO_URL}/_test/delay`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ms }),
      });
    await delaySaves(2_000);
    await tabTo(page, entries.nth(1).getByRole('button', { name: 'Restore', exact: true }));
    await page.keyboard.press('Enter');
    const apply = page.getByRole('button', { name: /^Restore \d+ fields?$/ });
    await tabTo(page, apply);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Restoring…' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Restore report' })).toBeFocused({ timeout: 30_000 });
    await delaySaves(0);
    await page.keyboard.press('Escape');

    await tabTo(page, popup.toolsButton);
    await page.keyboard.press('Enter');
    const capture = page.getByRole('button', { name: 'Capture now' });
    await tabTo(page, capture);
    await pressKeepingFocus(capture, async () => {
      await expect(page.getByText(/^Captured \d+ sections?$/)).toBeVisible();
    });

    const exportAll = page.getByRole('button', { name: 'Export all' });
    await tabTo(page, exportAll);
    const bundlePath = testInfo.outputPath('keyboard-bundle.json');
    const download = page.waitForEvent('download');
    await pressKeepingFocus(exportAll, async () => {
      await (await download).saveAs(bundlePath);
      await expect(page.getByText(/^Exported \d+ backups$/)).toBeVisible();
    });

    const importBundle = page.getByLabel('Import bundle');
    await tabTo(page, importBundle);
    const chooser = page.waitForEvent('filechooser');
    await pressKeepingFocus(importBundle, async () => {
      await (await chooser).setFiles(bundlePath);
      await expect(page.getByText(/^0 added, \d+ identical, 0 invalid$/)).toBeVisible();
    });
    // Escape closes the tools from where the focus was left, and gives it to their button.
    await page.keyboard.press('Escape');
    await expect(popup.toolsButton).toHaveAttribute('aria-expanded', 'false');
    await expect(popup.toolsButton).toBeFocused();

    // Compare with page: once the page is chosen, the button stays (it has nothing more to do), with the focus.
    const diff = entries.first().getByRole('button', { name: 'Diff' });
    await tabTo(page, diff);
    await page.keyboard.press('Enter');
    const compare = page.getByRole('button', { name: 'Compare with page' });
    await tabTo(page, compare);
    await pressKeepingFocus(compare, async () => {
      await expect(page.getByRole('combobox', { name: 'Compare with' })).toHaveValue('page');
    });
    await expect(compare).toHaveAttribute('aria-disabled', 'true');
    // So Escape, which it hears, still leaves the diff.
    await page.keyboard.press('Escape');
    await expect(diff).toBeFocused();
  });

  test('a backup deleted from the keyboard hands the focus to the entry that takes its place, or to the empty history', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const { page, entries } = (await popupAfterSaves(context, extensionId, ['Ada', 'Grace', 'Hopper'])).popup;

    for (const remaining of [2, 1, 0]) {
      await tabTo(page, entries.first().getByRole('button', { name: 'Delete', exact: true }));
      await page.keyboard.press('Enter');
      // The confirm's own Delete is just before its Cancel, which has the focus.
      await page.keyboard.press('Shift+Tab');
      await expect(
        page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }),
      ).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(entries).toHaveCount(remaining);
      // Not the page's body, from where the next Tab would start again at the top of the popup.
      await expect(remaining ? entries.first() : page.getByText('No backups yet.')).toBeFocused();
    }
  });

  test('one confirm at a time, and it stays open while its entry scrolls out of view and back', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    for (let i = 1; i <= 16; i += 1) {
      await dashboard.saveBotNames(`Bot ${i}`);
      await dashboard.expectStatus('bot-names', 'Saved');
    }
    await expect.poll(async () => (await journalEntries(context)).length).toBe(16);
    const { page } = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    const newest = page.locator('[aria-posinset="1"]');
    await expect(newest).toBeVisible();
    const notSave = page.getByRole('group', { name: 'Confirm not a settings save' });
    const confirmDelete = page.getByRole('group', { name: 'Confirm delete' });

    await tabTo(page, newest.getByRole('button', { name: 'Not a save', exact: true }));
    await page.keyboard.press('Enter');
    await expect(notSave).toHaveCount(1);
    // Scrolled far enough for the virtualized list to drop the entry, then back.
    const scroller = page.locator('.history-scroll');
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(newest).toHaveCount(0);
    await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
    await expect(newest.getByRole('group', { name: 'Confirm not a settings save' })).toBeVisible();

    // Asking in another entry answers the first confirm with Cancel.
    const second = page.locator('[aria-posinset="2"]');
    await second.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(second.getByRole('group', { name: 'Confirm delete' })).toBeVisible();
    await expect(notSave).toHaveCount(0);
    await newest.getByRole('button', { name: 'Not a save', exact: true }).click();
    await expect(notSave).toHaveCount(1);
    await expect(confirmDelete).toHaveCount(0);
    expect(await journalEntries(context)).toHaveLength(16);
  });

  test('unwatching and watching again from the keyboard keep the focus where the next step is', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const { page } = (await popupAfterSaves(context, extensionId, ['Ada'])).popup;

    await tabTo(page, page.getByRole('button', { name: 'Unwatch', exact: true }));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await expect(
      page.getByRole('group', { name: 'Confirm unwatch' }).getByRole('button', { name: 'Unwatch' }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    // The way back takes the focus, and says what just happened.
    const watchAgain = page.getByRole('button', { name: 'Watch this dashboard' });
    await expect(watchAgain).toBeFocused();
    await expect(watchAgain).toHaveAccessibleDescription('No longer watching this dashboard.');
    await expect(page.getByText('No longer watching this dashboard.')).toBeVisible();

    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Dashboard URL pattern')).toBeFocused();
    // Cancel gives the focus back to the button that opened the form.
    await tabTo(page, page.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Enter');
    await expect(watchAgain).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Dashboard URL pattern')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Reload page' })).toBeFocused();
    await expect(page.getByText('Watching. Reload the page to start capturing.')).toBeVisible();
  });

  test('follows the system colour scheme', async ({ context, extensionId }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const popup = await PopupPage.open(context, extensionId);
    const background = () => popup.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await popup.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).toBe('rgb(27, 29, 33)');
    await popup.page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).toBe('rgb(255, 255, 255)');
  });
});
