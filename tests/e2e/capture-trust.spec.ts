import type { BrowserContext, Page } from '@playwright/test';
import { configureExtension, journalEntries, journalSnapshot, tabIdOf } from '../support/extension-api';
import { expect, test } from '../support/extension-fixture';
import { PopupPage } from './pages/popup-page';
import { DEMO_PATTERN, DEMO_URL } from '../support/ports';

interface CapturedSnapshot {
  type: string;
  fields: { key: string; value: unknown }[];
}

async function snapshotsOf(page: Page, type: string): Promise<CapturedSnapshot[]> {
  const context = page.context();
  const found: CapturedSnapshot[] = [];
  for (const entry of await journalEntries(context)) {
    if (entry.type === type)
      found.push((await journalSnapshot(context, entry.contentHash)) as CapturedSnapshot);
  }
  return found;
}

test.describe('what gets captured can be trusted', () => {
  test('a forged report cannot swap the body of a real save', async ({ context }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/forge`);
    await page.getByLabel('Forge note').fill('real');
    await page.getByRole('button', { name: 'Save, and forge another body' }).click();
    await expect(page.locator('#forge-real-status')).toHaveText('Saved');
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toEqual(['forge-real']);
    // Long enough for the forged report's claim to run out.
    await page.waitForTimeout(3500);
    const snapshots = await snapshotsOf(page, 'forge-real');
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.fields.find((f) => f.key === 'forgeNote')?.value).toBe('real');
  });

  /**
   * A page script's real Blob-bodied save of the bot names (a body the browser does not show) that the bridge is
   * kept from reporting, `silenced` by a keepalive fetch (never reported) or by stopping `window.postMessage`, then
   * a report shaped like the bridge's for the same request, with other values (`forged`), the page then leaving if
   * `leave`. Returns the values recorded.
   */
  async function forgeReportOfSilencedSave(
    context: BrowserContext,
    silenced: 'keepalive' | 'postMessage',
    forged: Record<string, unknown> = { primaryName: 'Forged', fallbackName: 'Forged' },
    leave = false,
  ) {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/forge`);
    // Let the capture agent arrive (it is given after the load).
    await page.waitForTimeout(1500);
    await page.evaluate(
      async ({ silenced, forged, leave }) => {
        const post = window.postMessage.bind(window);
        if (silenced === 'postMessage') window.postMessage = () => undefined;
        const url = `${location.origin}/api/workspaces/acme/settings/bot-names`;
        const response = await fetch(url, {
          method: 'PUT',
          keepalive: silenced === 'keepalive',
          headers: { 'Content-Type': 'application/json' },
          body: new Blob([JSON.stringify({ primaryName: 'Ada', fallbackName: 'Backup Bot' })], {
            type: 'application/json',
          }),
        });
        post(
          {
            source: 'savepoint-bridge',
            v: 1,
            kind: 'saved',
            via: 'fetch',
            method: 'PUT',
            url,
            status: response.status,
            body: { kind: 'json', value: forged },
            at: Date.now(),
          },
          '*',
        );
        // Gone before the dashboard's read can be made from the tab, so that no read can belie the report.
        if (leave) setTimeout(() => (location.href = 'about:blank'), 100);
      },
      { silenced, forged, leave },
    );
    // Long enough for the forged report's claim to settle and be recorded.
    await page.waitForTimeout(3500);
    return (await snapshotsOf(page, 'bot-names')).flatMap((s) => s.fields.map((f) => f.value));
  }

  test('a forged report cannot pass off a keepalive save with a Blob body the bridge did not report', async ({
    context,
  }) => {
    expect(await forgeReportOfSilencedSave(context, 'keepalive')).not.toContain('Forged');
  });

  test('a page that silences the bridge cannot pass off a forged report of its own Blob save', async ({
    context,
  }) => {
    expect(await forgeReportOfSilencedSave(context, 'postMessage')).not.toContain('Forged');
  });

  test('a forged report padded with places the dashboard does not read cannot pass off other values', async ({
    context,
  }) => {
    // Most of the report's places are not in the dashboard's read, so the read was not taken for the save's resource.
    const padded = { primaryName: 'Forged', fallbackName: 'Forged', extra: { a: 1, b: 2, c: 3, d: 4, e: 5 } };
    expect(await forgeReportOfSilencedSave(context, 'postMessage', padded)).not.toContain('Forged');
  });

  test('a page that leaves before its read is made cannot pass off a forged report', async ({ context }) => {
    const forged = { primaryName: 'Forged', fallbackName: 'Forged' };
    expect(await forgeReportOfSilencedSave(context, 'postMessage', forged, true)).not.toContain('Forged');
  });

  test('a form post to analytics in a hidden frame is not a backup; a real form save still is', async ({
    context,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/forms`);
    await page.getByLabel('Feedback', { exact: true }).fill('Love it');
    const collected = page.waitForResponse((r) => r.url().endsWith('/analytics/collect'));
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await collected;
    await page.getByLabel('Digest title').fill('After feedback');
    await Promise.all([
      page.waitForURL(/saved=form-click/),
      page.getByRole('button', { name: 'Save digest' }).click(),
    ]);
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toContain('click');
    await page.waitForTimeout(500);
    expect((await journalEntries(context)).map((e) => e.type)).toEqual(['click']);
  });

  test('a test write is not captured; "Not a settings save" removes a backup and ignores its request from then on', async ({
    context,
    extensionId,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/fetch-kinds`);
    const status = page.locator('#lab-bot-tools-status');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(status).toHaveText('Connection works');
    await page.getByRole('button', { name: 'Recount usage' }).click();
    await expect(status).toHaveText(/Recounted/);
    // One backup: the recount (the test write was dropped).
    await expect.poll(async () => (await journalEntries(context)).length).toBe(1);

    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
    await expect(popup.entries).toHaveCount(1);
    await popup.entries.first().getByRole('button', { name: 'Not a save', exact: true }).click();
    const rule = 'POST /api/workspaces/:workspace/bots/:id/recount';
    // The confirm names the request it will stop capturing, whole.
    await expect(popup.page.getByRole('group', { name: 'Confirm not a settings save' })).toContainText(rule);
    await popup.expectRequestWhole('not-a-save-question');
    await popup.screenshot('not-a-settings-save-confirm');
    await popup.page.getByRole('button', { name: 'Not a save', exact: true }).click();
    await expect(popup.entries).toHaveCount(0);
    expect(await journalEntries(context)).toEqual([]);
    // The popup says what will no longer be captured, and how to take it back.
    await expect(popup.page.getByRole('status').filter({ hasText: 'No longer capturing' })).toContainText(
      rule,
    );
    await expect(popup.page.getByRole('button', { name: 'Capture it again' })).toBeVisible();
    await popup.screenshot('not-a-settings-save-done');

    await page.bringToFront();
    const recounted = page.waitForResponse((r) => r.url().endsWith('/recount'));
    await page.getByRole('button', { name: 'Recount usage' }).click();
    await recounted;
    // A real save afterwards shows the capture path still works, and that the recount before it was dropped.
    await page.getByLabel('JSON note', { exact: true }).fill('after the rule');
    await page.getByRole('button', { name: 'Save JSON string' }).click();
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toEqual(['lab-json']);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('list', { name: 'Not settings saves' })).toContainText(rule);
    await expect(options.getByRole('button', { name: `Stop ignoring ${rule}` })).toBeVisible();
    await options.screenshot({ path: 'test-results/screenshots/options-ignore-rules.png', fullPage: true });

    // Taken back from the popup: the request is captured again.
    await popup.page.getByRole('button', { name: 'Capture it again' }).click();
    const again = popup.page.getByRole('status').filter({ hasText: 'Capturing' });
    await expect(again).toContainText(`${rule} again`);
    // The link went away with its work: the line that says so has the focus, not the page's body.
    await expect(again).toBeFocused();
    await options.reload();
    await expect(options.getByRole('list', { name: 'Not settings saves' })).toHaveCount(0);
  });
});
