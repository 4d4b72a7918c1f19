import type { BrowserContext } from '@playwright/test';
import {
  badgeText,
  configureExtension,
  journalEntries,
  stopServiceWorker,
  syncStatus,
  tabIdOf,
  updateSettings,
} from '../support/extension-api';
import { expect, launchBrowser, test } from '../support/extension-fixture';
import { convexMutation, localConvex } from '../support/local-convex';
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

  test('Convex hanging: the call times out, then the retry succeeds', async ({ context, extensionId }) => {
    await localConvex.hang();
    const dashboard = await new DashboardPage(await context.newPage()).open();
    await dashboard.saveBotNames('Patient');
    await dashboard.expectStatus('bot-names', 'Saved');
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
    await popup.expectStatus('Syncing');
    await popup.screenshot('popup-syncing');
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

  test('the browser closed and reopened with a waiting outbox', async ({ context, profileDir }) => {
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
    await expect.poll(async () => (await syncStatus(context, 'acme'))?.error).toBe('Access key rejected');
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
    await convexMutation('workspaces:setRetention', {
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
    // acme syncs with the acme key; globex's backup waits, refused as another workspace's.
    await expect.poll(async () => (await localConvex.backups('acme')).length).toBe(2);
    await expect.poll(async () => (await syncStatus(context, 'globex'))?.error).toBe('Access key rejected');
    expect((await journalEntries(context)).map((e) => `${e.workspace}/${e.type}`).sort()).toEqual([
      'acme/bot-names',
      'acme/brain',
      'globex/brain',
    ]);
  });
});
