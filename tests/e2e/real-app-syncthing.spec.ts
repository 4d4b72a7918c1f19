import type { BrowserContext, Page } from '@playwright/test';
import { configureExtension, journalEntries, journalSnapshot, tabIdOf } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { startSyncthing, syncthingAvailable, type RunningSyncthing } from '../support/real-apps/syncthing';
import { PopupPage } from './pages/popup-page';

// A third real app (tests/support/real-apps/README.md): Debian's Syncthing 1.19, an AngularJS GUI whose every save
// is a `PUT /rest/config` of the whole configuration (API key and GUI password included), with a CSRF header that
// Syncthing asks of reads too. Its Settings dialog shows some 20 of the 170 values it sends.

interface CapturedSnapshot {
  type: string;
  title: string;
  fields: { key: string; label: string; value: unknown }[];
  request?: { method: string; url: string };
  leftOut: string[];
}

async function backups(context: BrowserContext): Promise<CapturedSnapshot[]> {
  const entries = await journalEntries(context);
  return Promise.all(
    entries.map(async (entry) => (await journalSnapshot(context, entry.contentHash)) as CapturedSnapshot),
  );
}

/** What the tests change in the Settings dialog (General and Connections tabs). */
interface Settings {
  minHomeDiskFree: string;
  maxRecvKbps: string;
  maxSendKbps: string;
  nat: boolean;
}
const OLDER: Settings = { minHomeDiskFree: '5', maxRecvKbps: '100', maxSendKbps: '200', nat: true };
const NEWER: Settings = { minHomeDiskFree: '12', maxRecvKbps: '250', maxSendKbps: '500', nat: false };

/** Opens Syncthing's GUI and waits until its AngularJS app has loaded the configuration. */
async function openGui(page: Page, app: RunningSyncthing): Promise<void> {
  await page.goto(`${app.url}/`);
  await expect(page.locator('a.dropdown-toggle', { hasText: 'Actions' })).toBeVisible();
}

/** Saves `settings` through the Settings dialog's Save, as a user does, and waits for Syncthing to accept it. */
async function saveSettings(page: Page, settings: Settings): Promise<void> {
  await page.locator('a.dropdown-toggle', { hasText: 'Actions' }).click();
  await page.locator('[ng-click="showSettings()"]').click();
  await expect(page.locator('#minHomeDiskFree')).toBeVisible();
  await page.locator('#minHomeDiskFree').fill(settings.minHomeDiskFree);
  await page.locator('#settings a[href="#settings-connections"]').click();
  await page.locator('#MaxRecvKbps').fill(settings.maxRecvKbps);
  await page.locator('#MaxSendKbps').fill(settings.maxSendKbps);
  await page.locator('#NATEnabled').setChecked(settings.nat);
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PUT' && response.url().endsWith('/rest/config'),
  );
  await page.locator('#settings [ng-click="saveSettings()"]').click();
  expect((await saved).status()).toBe(200);
  await expect(page.locator('#settings')).toBeHidden();
}

/** What the tests change in the Advanced Configuration dialog (its Options panel, fields named by ng-repeat). */
interface Advanced {
  maxRecvKbps: string;
  reconnectionIntervalS: string;
}
const OLDER_ADVANCED: Advanced = { maxRecvKbps: '100', reconnectionIntervalS: '5' };
const NEWER_ADVANCED: Advanced = { maxRecvKbps: '250', reconnectionIntervalS: '12' };

/** An input of the Advanced dialog's Options panel, by its label ("Max Recv Kbps"). */
function advancedOption(page: Page, label: string) {
  return page
    .locator('#optionsConfig .form-group')
    .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}\\s*$`) }) })
    .locator('input');
}

/** Saves `settings` through Actions → Advanced, its Options panel, and the dialog's Save. */
async function saveAdvanced(page: Page, settings: Advanced): Promise<void> {
  await page.locator('a.dropdown-toggle', { hasText: 'Actions' }).click();
  await page.locator('[ng-click="advanced()"]').click();
  await expect(page.locator('#advanced')).toBeVisible();
  if (!(await page.locator('#optionsConfig').isVisible())) await page.locator('#optionsHeading').click();
  await expect(advancedOption(page, 'Max Recv Kbps')).toBeVisible();
  await advancedOption(page, 'Max Recv Kbps').fill(settings.maxRecvKbps);
  await advancedOption(page, 'Reconnection Interval \\(seconds\\)').fill(settings.reconnectionIntervalS);
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PUT' && response.url().endsWith('/rest/config'),
  );
  await page.locator('#advanced [ng-click="saveAdvanced()"]').click();
  expect((await saved).status()).toBe(200);
  await expect(page.locator('#advanced')).toBeHidden();
}

/** Opens the GUI in a new tab and makes two backups there with `save` (0: the older, 1: the newer); the tab. */
async function twoBackups(
  context: BrowserContext,
  app: RunningSyncthing,
  save: (page: Page, n: number) => Promise<void>,
): Promise<Page> {
  const page = await context.newPage();
  await openGui(page, app);
  for (const n of [0, 1]) {
    await save(page, n);
    await expect.poll(async () => (await backups(context)).length).toBe(n + 1);
  }
  return page;
}

test.describe('Syncthing 1.19 Settings (AngularJS, PUT of the whole configuration, CSRF header)', () => {
  const unavailable = syncthingAvailable();
  test.skip(unavailable !== null, unavailable ?? '');
  let app: RunningSyncthing;

  test.beforeEach(async ({ context }) => {
    app = await startSyncthing();
    await configureExtension(context, { watched: [`${app.url}/*`] });
  });

  test.afterEach(async () => {
    await app?.stop();
  });

  test('saving the Settings dialog is captured: one backup of the configuration, its API key left out', async ({
    context,
  }) => {
    const page = await context.newPage();
    await openGui(page, app);
    await saveSettings(page, OLDER);
    await expect.poll(async () => (await backups(context)).length).toBe(1);
    const [backup] = await backups(context);
    expect(backup?.request).toMatchObject({ method: 'PUT' });
    expect(backup?.title).toBe('Settings');
    const values = Object.fromEntries((backup?.fields ?? []).map((field) => [field.key, field.value]));
    expect(values).toMatchObject({ 'options.maxRecvKbps': '100', 'options.natEnabled': true });
    expect(backup?.leftOut).toContain('gui.apiKey');
    expect(JSON.stringify(backup)).not.toContain(app.apiKey);
  });

  test("a restore from the GUI's main page (the dialog closed) puts the settings back by Syncthing's own save, reads them back, and keeps its API key", async ({
    context,
    extensionId,
  }) => {
    const page = await twoBackups(context, app, (at, n) => saveSettings(at, n === 0 ? OLDER : NEWER));

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await popup.previewRestore(1);
    await expect(popup.page.getByTestId('restore-request')).toContainText('PUT');
    // Named as the dialog names them (not "Options › Max recv kbps"), with no AngularJS `$$hashKey` among them.
    await expect(popup.row('Incoming Rate Limit')).toContainText('250 → 100');
    await expect(popup.page.getByText('$$hash', { exact: false })).toHaveCount(0);
    // The GUI password is left out of both sides, and the same on both: not listed as changed.
    await expect(popup.page.getByText('left out (changed)')).toHaveCount(0);
    await popup.screenshot('real-syncthing-preview');
    await popup.applyRestore();
    await expect(popup.page.locator('.report-summary')).toHaveText(/^(\d+) of \1 fields? restored$/);
    await popup.screenshot('real-syncthing-report');
    const config = await app.readConfig();
    expect(config.options).toMatchObject({ maxRecvKbps: 100, maxSendKbps: 200, natEnabled: true });
    expect(config.options.minHomeDiskFree).toMatchObject({ value: 5 });
    // The save Savepoint sent carried Syncthing's own API key: without it, Syncthing makes a new one.
    expect(config.gui.apiKey).toBe(app.apiKey);
  });

  test('when Syncthing refuses the read of its settings, the preview says the save would go without its API key, and nothing is sent', async ({
    context,
    extensionId,
  }) => {
    const page = await twoBackups(context, app, (at, n) => saveSettings(at, n === 0 ? OLDER : NEWER));
    // From now on a read of the configuration is refused, as it was to Savepoint before it sent the CSRF header.
    await page.route(/\/rest\/config$/, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({ status: 403, body: 'CSRF Error' })
        : route.continue(),
    );
    const puts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT') puts.push(request.url());
    });

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await popup.page.getByRole('button', { name: 'Restore', exact: true }).nth(1).click();
    const refusal = popup.page.getByRole('alert');
    await expect(refusal).toContainText(
      /Not restorable from here: The dashboard's save also sends .*Api key/i,
    );
    await expect(refusal).toContainText('could not be read');
    await expect(popup.page.getByRole('button', { name: /^Restore \d+ fields?$/ })).toBeDisabled();
    await popup.screenshot('real-syncthing-preview-refused');
    expect(puts).toEqual([]);
    expect((await app.readConfig()).gui.apiKey).toBe(app.apiKey);
  });

  test('a restore of an Advanced Configuration save, its dialog closed (kept hidden in the page), goes by request too', async ({
    context,
    extensionId,
  }) => {
    const page = await twoBackups(context, app, (at, n) =>
      saveAdvanced(at, n === 0 ? OLDER_ADVANCED : NEWER_ADVANCED),
    );
    // Titled by the dialog, not by the first panel of its accordion ("GUI").
    expect((await backups(context)).map((backup) => backup.title)).toEqual([
      'Advanced Configuration',
      'Advanced Configuration',
    ]);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await popup.previewRestore(1);
    // Not the hidden dialog's form (its Save is in the dialog's footer): Syncthing's own request.
    await expect(popup.page.getByTestId('restore-request')).toContainText('PUT');
    await popup.applyRestore();
    await expect(popup.page.locator('.report-summary')).toHaveText(/^(\d+) of \1 fields? restored$/);
    const config = await app.readConfig();
    expect(config.options).toMatchObject({ maxRecvKbps: 100, reconnectionIntervalS: 5 });
    expect(config.gui.apiKey).toBe(app.apiKey);
  });
});
