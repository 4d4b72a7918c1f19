import { configureExtension, journalEntries, tabIdOf } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { DEMO_PATTERN, DEMO_URL } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

/** From now on the demo accepts saves of these fields with 200 and keeps what it had, without a word. */
async function lockFields(fields: string[]): Promise<void> {
  await fetch(`${DEMO_URL}/_test/lock-fields`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields }),
  });
}

async function storedSettings(workspace = 'acme'): Promise<Record<string, Record<string, unknown>>> {
  return (await fetch(`${DEMO_URL}/_test/settings/${workspace}`)).json() as Promise<
    Record<string, Record<string, unknown>>
  >;
}

test.describe('one-click restore through the dashboard', () => {
  test.beforeEach(async ({ context }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
  });

  test('restores a fetch-saved section, proves it field by field, and undo puts the page back', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Ada');
    await dashboard.expectStatus('bot-names', 'Saved');
    await dashboard.saveBotNames('Grace');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    await expect(popup.row('Primary bot name')).toContainText('Grace');
    await expect(popup.row('Primary bot name')).toContainText('Ada');
    await popup.screenshot('restore-preview');
    await popup.expectAccessible('restore-preview');
    await popup.applyRestore();
    await expect(popup.row('Primary bot name')).toContainText('applied');
    await popup.screenshot('restore-report');
    await popup.expectAccessible('restore-report');

    await expect(dashboard.page.getByLabel('Primary bot name')).toHaveValue('Ada');
    expect((await storedSettings())['bot-names']?.primaryName).toBe('Ada');

    await popup.page.getByRole('button', { name: 'Undo restore' }).click();
    await expect.poll(async () => (await storedSettings())['bot-names']?.primaryName).toBe('Grace');
    await expect(dashboard.page.getByLabel('Primary bot name')).toHaveValue('Grace');
  });

  test('a value the dashboard accepts and silently does not keep is reported changed by the dashboard, read back from it', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Ada');
    await dashboard.expectStatus('bot-names', 'Saved');
    await dashboard.page.getByLabel('Fallback bot name').fill('Grace Bot');
    await dashboard.saveBotNames('Grace');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    // The server now takes the fallback name in a save, answers 200, and keeps what it had.
    await lockFields(['fallbackName']);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    await popup.applyRestore();
    await expect(popup.row('Primary bot name')).toContainText('applied');
    await expect(popup.row('Fallback bot name')).toContainText('changed by dashboard (now Grace Bot)');
    await expect(popup.page.getByText('1 of 2 fields restored')).toBeVisible();
    await expect(popup.page.getByTestId('report-request')).toHaveText(
      'Saved with the page’s own Save, then read the settings back from the dashboard.',
    );
    await popup.expectAccessible('restore-report-read-back');
    const stored = (await storedSettings())['bot-names'];
    expect([stored?.primaryName, stored?.fallbackName]).toEqual(['Ada', 'Grace Bot']);
  });

  test('restores a classic form-post section through its own Save', async ({ context, extensionId }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveIntern(42);
    await dashboard.saveIntern(7);
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    await popup.applyRestore();
    await expect(popup.row('Max tickets per day')).toContainText('applied');
    expect((await storedSettings()).intern?.maxTicketsPerDay).toBe(42);
  });

  test('a posted form whose value the dashboard does not keep is reported changed, as the page it answers with shows it', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveIntern(42);
    await dashboard.page.getByRole('radio', { name: 'Sometimes' }).check();
    await dashboard.saveIntern(7);
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    await lockFields(['maxTicketsPerDay']);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    await popup.applyRestore();
    await expect(popup.row('Review mode')).toContainText('applied');
    await expect(popup.row('Max tickets per day')).toContainText('changed by dashboard (now 7)');
    await expect(popup.page.getByText('1 of 2 fields restored')).toBeVisible();
    await expect(popup.page.getByTestId('report-request')).toHaveText(
      'Saved with the page’s own Save, then read the settings back from the page the dashboard answered with.',
    );
    const stored = (await storedSettings()).intern;
    expect([stored?.reviewMode, stored?.maxTicketsPerDay]).toEqual(['always', 7]);
  });

  test('a posted form whose page a script fills after the load is checked once that page has settled', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/forms`);
    // The page is served with the form empty; its script fills it from the API after the load.
    await expect(page.getByLabel('Theme')).toHaveValue('Light');
    const save = async (theme: string, limit: string) => {
      await page.getByLabel('Theme').fill(theme);
      await page.getByLabel('Row limit').fill(limit);
      await Promise.all([
        page.waitForURL(/saved=form-scripted/),
        page.getByRole('button', { name: 'Save display' }).click(),
      ]);
      await expect(page.getByLabel('Theme')).toHaveValue(theme);
    };
    await save('Dark', '25');
    await save('Solar', '50');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    await lockFields(['scriptedLimit']);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await popup.previewRestore(1);
    await popup.applyRestore();
    await expect(popup.row('Theme')).toContainText('applied');
    await expect(popup.row('Row limit')).toContainText('changed by dashboard (now 50)');
    await expect(popup.page.getByTestId('report-request')).toHaveText(
      'Saved with the page’s own Save, then read the settings back from the page the dashboard answered with.',
    );
    const stored = (await storedSettings())['form-scripted'];
    expect([stored?.scriptedTheme, stored?.scriptedLimit]).toEqual(['Dark', 50]);
  });

  test('restores a framework-style page whose inputs follow script state', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/app-settings`);
    for (const name of ['Platform', 'Payments']) {
      await page.getByLabel('Team name').fill(name);
      await page.getByRole('button', { name: 'Save team preferences' }).click();
      await expect.poll(async () => (await storedSettings()).app?.teamName).toBe(name);
    }
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    // Its section's title is longer than the Section filter: shown cut, and named whole on hover.
    await popup.page
      .locator('.filters')
      .getByRole('combobox', { name: 'Section', exact: true })
      .selectOption('Team preferences');
    await expect(popup.entries).toHaveCount(2);
    await popup.expectFilterMarkedCut('Section');
    await popup.screenshot('popup-long-section');
    await popup.previewRestore(1);
    await popup.applyRestore();
    await expect(popup.row('Team name')).toContainText('applied');
    expect((await storedSettings()).app?.teamName).toBe('Platform');
  });

  test('partial restore: only the chosen fields change', async ({ context, extensionId }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.page.getByLabel('Fallback bot name').fill('Old fallback');
    await dashboard.saveBotNames('Old primary');
    await dashboard.expectStatus('bot-names', 'Saved');
    await dashboard.page.getByLabel('Fallback bot name').fill('New fallback');
    await dashboard.saveBotNames('New primary');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    await popup.row('Fallback bot name').getByRole('checkbox').uncheck();
    await popup.applyRestore();
    await expect
      .poll(async () => (await storedSettings())['bot-names'])
      .toMatchObject({
        primaryName: 'Old primary',
        fallbackName: 'New fallback',
      });

    // Undo puts back what the restore changed, and says so: one field, not every field of the section.
    await popup.page.getByRole('button', { name: 'Undo restore' }).click();
    await expect(popup.page.locator('.report-summary')).toHaveText(
      'Undone: 1 of 1 field put back as before the restore',
      {
        timeout: 30_000,
      },
    );
    await expect(popup.row('Primary bot name')).toContainText('put back');
    // The field the restore left alone is listed on request, as in the preview.
    await expect(popup.row('Fallback bot name')).toHaveCount(0);
    await popup.page.getByText(/^Show \d+ unchanged$/).click();
    await expect(popup.row('Fallback bot name')).toContainText('skipped');
    await expect
      .poll(async () => (await storedSettings())['bot-names'])
      .toMatchObject({ primaryName: 'New primary', fallbackName: 'New fallback' });
  });

  test('a partial restore empties again an API key typed on the page and not saved, which its Save would send', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBrain('Older prompt');
    await dashboard.expectStatus('brain', 'Saved');
    await dashboard.saveBrain('Newer prompt');
    await dashboard.expectStatus('brain', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    // Typed, not saved. The demo keeps its key when the field is sent empty ("leave blank to keep the current key").
    await dashboard.page.getByLabel('API key').fill('sk-typed-not-saved');
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    for (const box of await popup.page.getByRole('row').getByRole('checkbox').all()) await box.uncheck();
    await popup.row('System prompt').getByRole('checkbox').check();
    await expect(popup.row('API key')).toContainText('Unsaved edit on the page: put back as saved, (empty)');
    await popup.row('API key').scrollIntoViewIfNeeded();
    await popup.screenshot('restore-preview-secret-unsaved');
    await popup.applyRestore();
    await expect(popup.row('System prompt')).toContainText('applied');
    expect((await storedSettings()).brain).toMatchObject({ systemPrompt: 'Older prompt', apiKey: '' });
  });

  test('restores a section by its save request from a page without its form, sending only what its save sends', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBrain('Be brief');
    await dashboard.expectStatus('brain', 'Saved');
    await dashboard.saveBrain('Be verbose');
    await dashboard.expectStatus('brain', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    // A page of the workspace without the Brain form: the restore goes by the section's own save request.
    await dashboard.page.goto(`${DEMO_URL}/acme/lab/forms`);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    await popup.expectRequestWhole('restore-request');
    await popup.screenshot('restore-by-request-preview');
    await popup.applyRestore();
    await expect(popup.row('System prompt')).toContainText('applied');
    await popup.expectRequestWhole('report-request');
    expect((await storedSettings())['brain']?.systemPrompt).toBe('Be brief');
  });

  test('a save request that gets no answer at all keeps the way back: Undo is offered, and no restore is recorded', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBrain('Be brief');
    await dashboard.expectStatus('brain', 'Saved');
    await dashboard.saveBrain('Be verbose');
    await dashboard.expectStatus('brain', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    await dashboard.page.goto(`${DEMO_URL}/acme/lab/forms`);
    // The save is sent and the connection fails: whether the dashboard applied it is unknown (status 0).
    await dashboard.page.route(/\/settings\/brain$/, (route) =>
      route.request().method() === 'PUT' ? route.abort('connectionreset') : route.continue(),
    );

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    await popup.applyRestore();
    await expect(popup.page.locator('.report-summary')).toContainText(
      'Could not confirm the save (no answer)',
    );
    await expect(popup.row('System prompt')).toContainText('not confirmed');
    await expect(popup.page.getByRole('button', { name: 'Undo restore' })).toBeVisible();
    // The Brain's read shows no API key, only whether one is set: not provably what the newest backup holds, so
    // what the dashboard held is kept as an entry of its own.
    expect((await journalEntries(context)).map((entry) => entry.label ?? entry.source)).toEqual([
      'auto',
      'auto',
      'Before restore of Brain',
    ]);
  });

  test("a field gone from the page is reported not found; when the page's own Save then sends nothing, nothing was saved and there is nothing to undo", async ({
    context,
    extensionId,
  }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Ada');
    await dashboard.expectStatus('bot-names', 'Saved');
    await dashboard.saveBotNames('Grace');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    // The demo's save script reads every field of its form: without this one it throws, and sends no request.
    await dashboard.page.evaluate(() =>
      document.querySelector('[name=fallbackName]')?.closest('.field')?.remove(),
    );

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    await popup.applyRestore();
    await expect(popup.page.locator('.report-summary')).toHaveText(
      'Nothing was saved: the page sent no save request within 8 s of pressing its Save (a field its own script needs may be missing)',
    );
    await expect(popup.row('Primary bot name')).toContainText('not saved');
    await expect(popup.row('Fallback bot name')).toContainText('not found');
    await expect(popup.page.getByRole('button', { name: 'Undo restore' })).toHaveCount(0);
    await popup.screenshot('restore-report-rejected');
    expect((await storedSettings())['bot-names']?.primaryName).toBe('Grace');
    expect((await journalEntries(context)).map((entry) => entry.label ?? entry.source)).toEqual([
      'auto',
      'auto',
    ]);
  });

  test('a save request the dashboard answers 422 is reported at once with its status, and leaves nothing to undo', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Ada');
    await dashboard.expectStatus('bot-names', 'Saved');
    await dashboard.saveBotNames('Grace');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
    await fetch(`${DEMO_URL}/_test/reject-next`, {
      method: 'POST',
      body: JSON.stringify({ count: 1, status: 422 }),
    });

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.previewRestore(1);
    const pressed = Date.now();
    await popup.applyRestore();
    // Not after the wait for a capture (8 s): the browser saw the save answered 422.
    await expect(popup.page.getByText('Save was rejected by the dashboard (HTTP 422)')).toBeVisible();
    expect(Date.now() - pressed).toBeLessThan(5_000);
    await expect(popup.row('Primary bot name')).toContainText('rejected');
    // The refused save changed nothing: no "Before restore" entry, no Undo.
    await expect(popup.page.getByRole('button', { name: 'Undo restore' })).toHaveCount(0);
    expect((await storedSettings())['bot-names']?.primaryName).toBe('Grace');
    expect(await journalEntries(context)).toHaveLength(2);
  });
});
