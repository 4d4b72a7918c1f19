import type { Page } from '@playwright/test';
import {
  captureAgentListening,
  configureExtension,
  journalEntries,
  journalSnapshot,
} from '../support/extension-api';
import { expect, launchBrowser, OWN_BROWSER, serviceWorker, test } from '../support/extension-fixture';
import { DashboardPage } from './pages/dashboard-page';
import { localConvex } from '../support/local-convex';
import { CONVEX_URL, DEMO_PATTERN, DEMO_URL, TEST_ACME_KEY } from '../support/ports';

interface CapturedSnapshot {
  type: string;
  fields: { key: string; value: unknown }[];
  request?: { method: string };
  leftOut: string[];
}

async function snapshotsByType(page: Page): Promise<Map<string, CapturedSnapshot[]>> {
  const context = page.context();
  const byType = new Map<string, CapturedSnapshot[]>();
  for (const entry of await journalEntries(context)) {
    const snapshot = (await journalSnapshot(context, entry.contentHash)) as CapturedSnapshot;
    byType.set(entry.type, [...(byType.get(entry.type) ?? []), snapshot]);
  }
  return byType;
}

/** Stops Savepoint's service worker (Chromium starts it again on its next event, without its install-time work). */
async function stopExtensionWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: typeof versions }) => {
    versions.push(...event.versions);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => versions.some((v) => v.scriptURL.startsWith('chrome-extension://'))).toBe(true);
  for (const version of versions.filter((v) => v.scriptURL.startsWith('chrome-extension://'))) {
    await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
  }
  await cdp.detach();
}

/** Whether Savepoint's MAIN-world bridge runs in the page. */
function bridgeInstalled(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Object.getOwnPropertySymbols(window).some((s) => s.description?.includes('savepoint')),
  );
}

test.describe('capture on any watched dashboard', () => {
  test('every fetch and XHR body kind is captured once, with the value the user saved', async ({
    context,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/fetch-kinds`);
    const kinds = [
      ['JSON note', 'Save JSON string', 'lab-json'],
      ['Params note', 'Save URLSearchParams', 'lab-params'],
      ['FormData note', 'Save FormData', 'lab-formdata'],
      ['Blob note', 'Save Blob', 'lab-blob'],
      ['Request note', 'Save Request object', 'lab-request'],
      ['XHR note', 'Save XMLHttpRequest', 'lab-xhr'],
    ] as const;
    for (const [label, button, section] of kinds) {
      await page.getByLabel(label, { exact: true }).fill(`value for ${section}`);
      await page.getByRole('button', { name: button }).click();
      await expect(page.locator(`#${section}-status`)).toHaveText('Saved');
    }
    await page.getByRole('button', { name: 'Poll settings' }).click();
    await page.getByRole('button', { name: 'Send analytics' }).click();
    await expect(page.locator('#not-saves-status')).not.toBeEmpty();

    await expect.poll(async () => (await journalEntries(context)).length).toBe(kinds.length);
    const captured = await snapshotsByType(page);
    for (const [, , section] of kinds) {
      expect(captured.get(section), section).toHaveLength(1);
      const [snapshot] = captured.get(section) ?? [];
      expect(snapshot?.fields.map((f) => f.value)).toContain(`value for ${section}`);
    }
  });

  test('a DELETE of a settings item is recorded as such', async ({ context }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/fetch-kinds`);
    await page.getByRole('button', { name: 'Remove item' }).click();
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toEqual(['lab-items']);
    const [snapshot] = (await snapshotsByType(page)).get('lab-items') ?? [];
    expect(snapshot?.request?.method).toBe('DELETE');
  });

  test('classic forms are captured however they are submitted, once each', async ({ context }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    const forms = `${DEMO_URL}/acme/lab/forms`;
    await page.goto(forms);
    await page.getByLabel('Digest title').fill('Weekly digest');
    await Promise.all([
      page.waitForURL(/saved=form-click/),
      page.getByRole('button', { name: 'Save digest' }).click(),
    ]);
    await page.getByLabel('Bot nickname').fill('Robo');
    await Promise.all([page.waitForURL(/saved=form-enter/), page.getByLabel('Bot nickname').press('Enter')]);
    await page.getByLabel('Team motto').fill('Ship it');
    await Promise.all([
      page.waitForURL(/saved=form-request-submit/),
      page.getByRole('button', { name: 'Save motto' }).click(),
    ]);
    await page.getByLabel('Alert channel').fill('#alerts');
    await Promise.all([
      page.waitForURL(/via=formaction/),
      page.getByRole('button', { name: 'Save to team defaults' }).click(),
    ]);
    await expect
      .poll(async () => (await journalEntries(context)).map((e) => e.type).sort())
      .toEqual(['click', 'enter', 'formaction', 'request-submit']);
    const captured = await snapshotsByType(page);
    expect(captured.get('enter')?.[0]?.fields.map((f) => f.value)).toContain('Robo');
    expect(captured.get('formaction')?.[0]?.fields.map((f) => f.value)).toContain('#alerts');
  });

  test('a form saved by its fetch is captured once, and a rejected save not at all', async ({ context }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/settings`);
    await page.getByLabel('System prompt').fill('Be brief.');
    await page.getByRole('button', { name: 'Save brain' }).click();
    await expect(page.locator('#brain-status')).toHaveText('Saved');
    await page.getByLabel('Temperature').fill('3');
    await page.getByRole('button', { name: 'Save brain' }).click();
    await expect(page.locator('#brain-status')).toHaveText(/Save failed \(422\)/);
    await page.waitForTimeout(500);
    const entries = await journalEntries(context);
    expect(entries.map((e) => e.type)).toEqual(['brain']);
  });

  test('a framework-style page is captured with what its script state saved', async ({ context }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/app-settings`);
    await page.getByLabel('Team name').fill('Platform');
    await page.getByRole('button', { name: 'Save team preferences' }).click();
    await expect
      .poll(async () => (await journalEntries(context)).map((e) => e.type))
      .toEqual(['team-preferences']);
    const [snapshot] = (await snapshotsByType(page)).get('team-preferences') ?? [];
    expect(snapshot?.fields.map((f) => f.value)).toContain('Platform');
  });

  test('secrets never reach the journal or Convex', async ({ context }) => {
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [DEMO_PATTERN],
    });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/settings`);
    const secret = 'sk_live_51HxQyZ2eZvKYlo2C0qwertyuiop';
    await page.getByLabel('API key').fill(secret);
    await page.getByLabel('System prompt').fill('Answer politely.');
    await page.getByRole('button', { name: 'Save brain' }).click();
    await expect(page.locator('#brain-status')).toHaveText('Saved');
    await expect.poll(async () => (await localConvex.backups()).length).toBe(1);
    const [backup] = await localConvex.backups();
    expect(backup?.data).not.toContain(secret);
    expect(JSON.parse(backup?.data ?? '{}').leftOut).toContain('apiKey');
    const [entry] = await journalEntries(context);
    expect(JSON.stringify(await journalSnapshot(context, entry!.contentHash))).not.toContain(secret);
  });

  test('a hostile page forging bridge messages changes nothing, and its real saves are still captured', async ({
    context,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/forge`);
    for (const name of [
      'Forge one save',
      'Forge a Bot names save',
      'Forge 1,000 saves',
      'Forge a 5 MB save',
      'Ask for a restore',
      'Ask for a delete',
      'Ask to change settings',
      'Send malformed messages',
    ]) {
      await page.getByRole('button', { name }).click();
    }
    await page.waitForTimeout(1000);
    expect(await journalEntries(context)).toEqual([]);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');

    await page.getByLabel('Forge note').fill('real');
    await page.getByRole('button', { name: 'Save real setting' }).click();
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toEqual(['forge-real']);
  });

  test('nothing is injected into pages that are not watched', async ({ context }) => {
    await configureExtension(context, {
      watched: [`${DEMO_URL.replace(/:\d+$/, ':*')}/:workspace/settings*`],
    });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/about`);
    expect(await bridgeInstalled(page)).toBe(false);
    await page.goto(`${DEMO_URL}/acme/lab/fetch-kinds`);
    expect(await bridgeInstalled(page)).toBe(false);
    await page.goto(`${DEMO_URL}/acme/settings`);
    expect(await bridgeInstalled(page)).toBe(true);
  });

  test('the capture script stays off the page’s loading path: it arrives after the load event, then captures', async ({
    context,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // One CDP session delivers both events in the order the page saw them.
    const order: string[] = [];
    cdp.on('Page.loadEventFired', () => order.push('load'));
    cdp.on('Runtime.executionContextCreated', (event: { context: { origin: string; auxData?: unknown } }) => {
      const aux = event.context.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated' && event.context.origin.startsWith('chrome-extension://'))
        order.push('agent');
    });
    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    await expect.poll(() => captureAgentListening(context, page), { timeout: 10_000 }).toBe(true);
    expect(order.slice(0, 2)).toEqual(['load', 'agent']);
    await cdp.detach();
    await dashboard.saveBotNames('After the load');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toEqual(['bot-names']);
  });

  test('a save the page makes before its capture agent arrives (on its load event) is still backed up', async ({
    context,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    // The agent is given to the page after its load: a save sent from the load event is answered before it listens.
    await page.addInitScript(() => {
      addEventListener('load', () => {
        void fetch('/api/workspaces/acme/settings/bot-names', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            primaryName: 'Saved on load',
            fallbackName: 'Backup',
            greetingStyle: 'friendly',
          }),
        }).then((response) => {
          (window as unknown as { savedOnLoad?: number }).savedOnLoad = response.status;
        });
      });
    });
    await new DashboardPage(page).open();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { savedOnLoad?: number }).savedOnLoad))
      .toBe(200);
    await expect.poll(() => captureAgentListening(context, page), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(
        async () => {
          const values = [];
          for (const entry of await journalEntries(context)) {
            const snapshot = (await journalSnapshot(context, entry.contentHash)) as CapturedSnapshot;
            values.push(...snapshot.fields.map((field) => field.value));
          }
          return values;
        },
        { timeout: 10_000 },
      )
      .toContain('Saved on load');
    // Replayed once: the same save is not backed up twice.
    await page.waitForTimeout(500);
    expect(await journalEntries(context)).toHaveLength(1);
  });

  test('a page its service worker serves (no document request for webRequest to see) still gets its capture agent', async ({
    context,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const page = await context.newPage();
    await page.goto(`${DEMO_URL}/acme/lab/offline-app/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // A worker that starts again has no install-time minute of "give every loading dashboard page its scripts".
    // Started again and settled (its start gives open dashboard tabs their agents), it is awake for the reload.
    await stopExtensionWorker(page);
    await expect
      .poll(async () => (await serviceWorker(context)).evaluate(() => 1).catch(() => 0), { timeout: 15_000 })
      .toBe(1);
    await page.waitForTimeout(1500);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(page.getByLabel('Primary bot name')).not.toHaveValue('');
    await expect.poll(() => captureAgentListening(context, page), { timeout: 10_000 }).toBe(true);
    await page.getByLabel('Primary bot name').fill('Served by the worker');
    await page.getByRole('button', { name: 'Save bot names' }).click();
    await expect(page.locator('#bot-names-status')).toHaveText('Saved');
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toEqual(['bot-names']);
  });

  test(`after the extension reloads, the orphaned capture script stays silent and the page keeps working ${OWN_BROWSER}`, async ({
    context,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    const errors: string[] = [];
    dashboard.page.on('pageerror', (error) => errors.push(error.message));
    dashboard.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const worker = await serviceWorker(context);
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await dashboard.page.waitForTimeout(1000);
    await dashboard.saveBotNames('After the reload');
    await dashboard.expectStatus('bot-names', 'Saved');
    await dashboard.page.getByLabel('Max tickets per day').fill('9');
    await dashboard.page.getByRole('button', { name: 'Save intern' }).click();
    await dashboard.expectStatus('intern', 'Saved');
    expect(errors).toEqual([]);
    // The reloaded extension gives the open tab a new capture script: saves are captured again, no page reload.
    const reloaded = await serviceWorker(context);
    await expect.poll(() => captureAgentListening(context, dashboard.page), { timeout: 10_000 }).toBe(true);
    expect(await reloaded.evaluate(() => chrome.runtime.id)).toBeTruthy();
    await dashboard.saveBotNames('Captured by the new version');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).map((e) => e.type)).toEqual(['bot-names']);
    expect(errors).toEqual([]);
  });

  test(`a dashboard opened right after the browser starts gets its scripts, and its first save is captured ${OWN_BROWSER}`, async ({
    context,
    profileDir,
  }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
    await context.close();
    // Chromium loads registered content scripts a moment after it starts: a page loaded first would go without.
    const browser = await launchBrowser(profileDir);
    try {
      const dashboard = await new DashboardPage(await browser.newPage()).open();
      await expect.poll(() => captureAgentListening(browser, dashboard.page), { timeout: 10_000 }).toBe(true);
      expect(await bridgeInstalled(dashboard.page)).toBe(true);
      await dashboard.saveBotNames('Right after the start');
      await dashboard.expectStatus('bot-names', 'Saved');
      await expect.poll(async () => (await journalEntries(browser)).length).toBe(1);
    } finally {
      await browser.close();
    }
  });
});
