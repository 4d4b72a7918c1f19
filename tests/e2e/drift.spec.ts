import { badgeText, configureExtension, journalEntries, tabIdOf } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { DEMO_PATTERN, DEMO_URL } from '../support/ports';
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
  await expect(popup.page.getByText('Changed elsewhere')).toBeVisible();
  await popup.page.getByRole('button', { name: 'Back to history' }).click();
  await popup.page.getByRole('button', { name: 'Capture changes' }).click();
  // The drift notice goes (the new backup's history entry says what changed, "2 fields changed", and stays).
  await expect(popup.page.getByRole('region', { name: 'Changes since the last backup' })).toHaveCount(0);
  // "Capture changes" is Capture now: every section of the page, the changed one among them.
  await expect
    .poll(async () => (await journalEntries(context)).map((e) => `${e.type}/${e.source}`))
    .toEqual(['bot-names/auto', 'bot-names/manual', 'intern/manual', 'brain/manual']);
});
