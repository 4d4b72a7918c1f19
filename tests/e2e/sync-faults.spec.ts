import type { BrowserContext, Page } from '@playwright/test';
import {
  badgeText,
  configureExtension,
  contentScriptsRegistered,
  fillExtensionStorage,
  journalEntries,
  stopServiceWorker,
  syncStatus,
  tabIdOf,
  updateSettings,
} from '../support/extension-api';
import {
  expect,
  launchBrowser,
  LIMITED_STORAGE_EXTENSION_DIR,
  OWN_BROWSER,
  resetServers,
  serviceWorker,
  test,
} from '../support/extension-fixture';
import { convexAction, localConvex } from '../support/local-convex';
import { CONVEX_URL, DEMO_PATTERN, DEMO_URL, TEST_ACME_KEY } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

/** (ms) long enough for a call timeout (10 s) plus a backoff retry. */
const RECOVERY = 40_000;

async function acceptedSaves(): Promise<{ section: string }[]> {
  return (await fetch(`${DEMO_URL}/_test/saves`)).json() as Promise<{ section: string }[]>;
}

/** Every accepted dashboard save has exactly one backup in the journal and one on the server. */
async function expectExactlyOnce(context: BrowserContext, saves: number): Promise<void> {
  expect(await acceptedSaves()).toHaveLength(saves);
  await expect.poll(async () => (await localConvex.backups()).length, { timeout: RECOVERY }).toBe(saves);
  const entries = await journalEntries(context);
  expect(entries).toHaveLength(saves);
  expect(new Set((await localConvex.backups()).map((b) => b.clientBackupId))).toEqual(
    new Set(entries.map((e) => e.id)),
  );
  await expect
    .poll(async () => (await journalEntries(context)).every((e) => e.outbox === 'synced'))
    .toBe(true);
  // The badge tells the truth too: nothing waiting, nothing failed.
  await expect.poll(() => badgeText(context)).toBe('');
  expect((await syncStatus(context, 'acme'))?.state).toBe('synced');
}

/**
 * Takes the extension's service worker offline or back online (DevTools' network emulation, `navigator.onLine`
 * included), leaving pages alone: through a page's DevTools session attached to the worker's target.
 */
async function workerNetwork(
  context: BrowserContext,
  page: Page,
): Promise<(offline: boolean) => Promise<void>> {
  const session = await context.newCDPSession(page);
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find(
    (info) => info.type === 'service_worker' && info.url.startsWith('chrome-extension://'),
  );
  if (!target) throw new Error("The extension's service worker has no DevTools target");
  const { sessionId } = await session.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let id = 0;
  const send = (method: string, params: object) =>
    session.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: ++id, method, params }),
    });
  await send('Network.enable', {});
  return async (offline) => {
    await send('Network.emulateNetworkConditions', {
      offline,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  };
}

test.describe('sync faults: nothing lost, nothing duplicated', () => {
  test.beforeEach(async ({ context }) => {
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [DEMO_PATTERN],
    });
  });
  test.afterEach(async () => {
    await localConvex.up();
    await localConvex.normal();
  });

  test('Convex down during saves, then back', async ({ context, extensionId }) => {
    await localConvex.down();
    const dashboard = await new DashboardPage(await context.newPage()).open();
    for (const name of ['One', 'Two', 'Three']) {
      await dashboard.saveBotNames(name);
      await dashboard.expectStatus('bot-names', 'Saved');
    }
    await expect.poll(async () => (await syncStatus(context, 'acme'))?.state).toBe('error');
    await expect.poll(() => badgeText(context)).toBe('3');
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.expectStatus('Sync error');
    await popup.screenshot('fault-convex-down');
    await localConvex.up();
    await expectExactlyOnce(context, 3);
    await popup.expectStatus('Synced');
    await expect.poll(() => badgeText(context)).toBe('');
  });

  test('the browser offline: "Offline", backups wait, and go once the network is back', async ({
    context,
    extensionId,
  }) => {
    const dashboard = await new DashboardPage(await context.newPage()).open();
    const worker = await serviceWorker(context);
    // Savepoint's worker loses the network; the dashboard, which runs on this machine, keeps it.
    const setWorkerOffline = await workerNetwork(context, dashboard.page);
    await setWorkerOffline(true);
    await expect.poll(() => worker.evaluate(() => navigator.onLine)).toBe(false);
    for (const name of ['Plane', 'Train']) {
      await dashboard.saveBotNames(name);
      await dashboard.expectStatus('bot-names', 'Saved');
    }
    await expect
      .poll(async () => syncStatus(context, 'acme'))
      .toMatchObject({ state: 'offline', waiting: 2, error: 'No network connection' });
    expect((await journalEntries(context)).map((entry) => entry.attempts)).toEqual([0, 0]);
    await expect.poll(() => badgeText(context)).toBe('2');
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.expectStatus('Offline');
    await expect(popup.page.getByText('backups wait on this device and sync when it is back')).toBeVisible();
    await expect(popup.page.getByText('Set up sync in Options')).toHaveCount(0);
    await expect(popup.page.getByText('Waiting to sync', { exact: true })).toHaveCount(2);
    await popup.screenshot('fault-browser-offline');
    await popup.expectAccessible('fault-browser-offline');
    await setWorkerOffline(false);
    // Chromium's worker hears no "online" event: the sync alarm (every 30 s) or, sooner, opening the popup sends them.
    await popup.reload();
    await expect
      .poll(async () => (await syncStatus(context, 'acme'))?.state, { timeout: 15_000 })
      .toBe('synced');
    await expectExactlyOnce(context, 2);
    await popup.expectStatus('Synced');
  });

  test('Convex hanging: the call times out, then the retry succeeds', async ({ context, extensionId }) => {
    await localConvex.hang();
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Patient');
    await dashboard.expectStatus('bot-names', 'Saved');
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.expectStatus('Syncing');
    await popup.screenshot('popup-syncing');
    await popup.expectAccessible('popup-syncing');
    await expect
      .poll(async () => (await syncStatus(context, 'acme'))?.error, { timeout: 20_000 })
      .toMatch(/in time/);
    await localConvex.normal();
    await expectExactlyOnce(context, 1);
  });

  test('the service worker stopped mid-sync', async ({ context }) => {
    await localConvex.hang();
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Interrupted');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await syncStatus(context, 'acme'))?.state).toBe('syncing');
    await stopServiceWorker(context, dashboard.page);
    // The held request now reaches the server after its client is gone: the retry must not write it twice.
    await localConvex.normal();
    await dashboard.saveBrain('Wakes the worker');
    await dashboard.expectStatus('brain', 'Saved');
    await expectExactlyOnce(context, 2);
  });

  test(`the browser closed and reopened with a waiting outbox ${OWN_BROWSER}`, async ({
    context,
    profileDir,
  }) => {
    await localConvex.down();
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Before restart');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(context)).length).toBe(1);
    await context.close();
    await localConvex.up();
    const reopened = await launchBrowser(profileDir);
    try {
      await expectExactlyOnce(reopened, 1);
    } finally {
      await reopened.close();
    }
  });

  test('the response lost after the server committed', async ({ context }) => {
    await localConvex.dropResponses(1);
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Committed once');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expectExactlyOnce(context, 1);
  });

  test('access key revoked: syncing stops, every backup is kept, a new key resumes', async ({
    context,
    extensionId,
  }) => {
    await localConvex.revoke(TEST_ACME_KEY);
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Kept');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect
      .poll(async () => (await syncStatus(context, 'acme'))?.error)
      .toBe('Access key rejected: This access key was revoked');
    expect(await journalEntries(context)).toHaveLength(1);
    expect(await badgeText(context)).toBe('1');
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.expectStatus('Access key rejected');
    await popup.screenshot('fault-key-revoked');
    const { key } = await localConvex.createKey('acme', 'admin', 'replacement');
    await updateSettings(context, { accessKey: key });
    await expectExactlyOnce(context, 1);
  });

  test('a burst of 500 saves in 10 s', async ({ context }) => {
    test.setTimeout(120_000);
    // Keep every backup of the burst locally (the default keeps the newest 200 synced ones per section).
    await configureExtension(context, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [DEMO_PATTERN],
      retentionPerSection: 1000,
    });
    await convexAction('writes:setRetention', {
      accessKey: TEST_ACME_KEY,
      workspace: 'acme',
      retention: 1000,
    });
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('input[name=primaryName]')!;
      const button = document.querySelector<HTMLButtonElement>('[aria-label="Save bot names"]')!;
      const status = document.getElementById('bot-names-status')!;
      for (let i = 0; i < 500; i += 1) {
        input.value = `Burst ${i}`;
        button.click();
        while (status.textContent !== 'Saved') await new Promise((resolve) => setTimeout(resolve, 1));
        status.textContent = '';
      }
    });
    await expect.poll(async () => (await journalEntries(context)).length, { timeout: 30_000 }).toBe(500);
    await expectExactlyOnce(context, 500);
  });

  test('two tabs saving at once', async ({ context }) => {
    const first = await new DashboardPage(await context.newPage()).open();
    const second = await new DashboardPage(await context.newPage(), 'globex').open();
    await Promise.all([first.saveBotNames('Tab one'), second.saveBrain('Tab two')]);
    await Promise.all([first.expectStatus('bot-names', 'Saved'), second.expectStatus('brain', 'Saved')]);
    await Promise.all([first.saveBrain('Tab one brain'), first.expectStatus('brain', 'Saved')]);
    // acme syncs with the acme key; globex's backup waits, refused as another workspace's, saying how to fix it.
    await expect.poll(async () => (await localConvex.backups('acme')).length).toBe(2);
    await expect
      .poll(async () => (await syncStatus(context, 'globex'))?.error)
      .toBe(
        'Access key "Local admin" does not cover workspace "globex"; it covers "acme". Backups wait on this ' +
          "device: add a key for this workspace in Options, or set the dashboard's workspace there to one the key covers",
      );
    expect((await journalEntries(context)).map((e) => `${e.workspace}/${e.type}`).sort()).toEqual([
      'acme/bot-names',
      'acme/brain',
      'globex/brain',
    ]);
  });
});

test.describe('sync faults: storage full', () => {
  test.afterEach(async () => {
    await localConvex.normal();
  });

  test('storage quota exceeded: old synced backups make room, new ones are held aside and reach Convex', async ({
    profileDir,
  }) => {
    test.setTimeout(150_000);
    await resetServers();
    // First session: one save, synced. (The limited build has a quota, unlike the release build.)
    let browser = await launchBrowser(profileDir, LIMITED_STORAGE_EXTENSION_DIR);
    await configureExtension(browser, {
      convexUrl: CONVEX_URL,
      accessKey: TEST_ACME_KEY,
      watched: [DEMO_PATTERN],
    });
    const extensionId = new URL((await serviceWorker(browser)).url()).host;
    let dashboard = await new DashboardPage(await browser.newPage()).open();
    await dashboard.saveBotNames('Before full');
    await dashboard.expectStatus('bot-names', 'Saved');
    await expect.poll(async () => (await journalEntries(browser)).map((e) => e.outbox)).toEqual(['synced']);
    const [before] = await journalEntries(browser);
    await browser.close();

    // Second session: the disk is full before the extension writes anything.
    browser = await launchBrowser(profileDir, LIMITED_STORAGE_EXTENSION_DIR);
    try {
      await contentScriptsRegistered(browser);
      dashboard = await new DashboardPage(await browser.newPage()).open();
      const storage = await fillExtensionStorage(browser, dashboard.page, extensionId);
      for (const name of ['Full one', 'Full two']) {
        await dashboard.saveBotNames(name);
        await dashboard.expectStatus('bot-names', 'Saved');
      }
      // Nothing is lost while the device is full: both saves reach Convex straight from the hold.
      await expect.poll(async () => (await localConvex.backups()).length).toBe(3);
      await expect.poll(() => badgeText(browser)).toBe('!');
      const popup = await PopupPage.open(browser, extensionId, await tabIdOf(browser, dashboard.page));
      const notice = popup.page.getByRole('region', { name: 'Storage' });
      await expect(notice).toContainText('Storage is full on this device');
      await expect(notice).toContainText('2 backups could not be added to the history here');
      await expect(popup.page.getByText(/backups held aside appear here once there is room/)).toBeVisible();
      await popup.screenshot('fault-storage-full');
      await popup.expectAccessible('fault-storage-full');

      // "Try again" while storage is still full says it tried, and keeps the focus.
      const tryAgain = notice.getByRole('button', { name: 'Try again' });
      await tryAgain.focus();
      await popup.page.keyboard.press('Enter');
      await expect(notice.getByText(/^Tried again at \d\d:\d\d:\d\d: still no room\.$/)).toBeVisible();
      await expect(tryAgain).toBeFocused();

      // The user frees space and presses "Try again": the held backups join the history, synced, once each.
      await storage.lift();
      await notice.getByRole('button', { name: 'Try again' }).click();
      const held = (await localConvex.backups()).filter((b) => b.clientBackupId !== before?.id);
      await expect
        .poll(async () => (await journalEntries(browser)).map((e) => `${e.id}:${e.outbox}`).sort())
        .toEqual(held.map((b) => `${b.clientBackupId}:synced`).sort());
      // Every accepted save has exactly one backup on the server; here, the oldest synced one made room (and
      // stays out: a later pull does not bring back what this device pruned).
      expect(await acceptedSaves()).toHaveLength(3);
      const server = await localConvex.backups();
      expect(new Set(server.map((b) => b.clientBackupId)).size).toBe(3);
      expect(server.map((b) => b.clientBackupId)).toContain(before?.id);
      const names = server.map(
        (b) => (JSON.parse(b.data) as { fields: { value: unknown }[] }).fields[0]?.value,
      );
      expect(names.sort()).toEqual(['Before full', 'Full one', 'Full two']);
      await expect.poll(() => badgeText(browser)).toBe('');
      expect((await syncStatus(browser, 'acme'))?.state).toBe('synced');
      await popup.expectStatus('Synced');
      // "Try again" has gone with the full disk: the sync status takes its focus, not the page's body.
      await expect(popup.status).toBeFocused();
      await expect(notice).toContainText('Storage ran short');
      await expect(notice).toContainText('1 backup already safe in Convex was removed from this device');
      await popup.screenshot('fault-storage-recovered');
    } finally {
      await browser.close();
    }
  });
});
