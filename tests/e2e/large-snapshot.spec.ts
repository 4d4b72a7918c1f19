import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LARGE_PAGE, largeArticle } from '../../demo/pages/large-page';
import { configureExtension, journalEntries, journalSnapshot, tabIdOf } from '../support/extension-api';
import { expect, launchBrowser, serviceWorker, test } from '../support/extension-fixture';
import { localConvex } from '../support/local-convex';
import { CONVEX_URL, DEMO_PATTERN, DEMO_URL, TEST_ACME_KEY } from '../support/ports';
import { PopupPage } from './pages/popup-page';

interface CapturedSnapshot {
  type: string;
  fields: { key: string; value: unknown }[];
}

const SETUP = { convexUrl: CONVEX_URL, accessKey: TEST_ACME_KEY, watched: [DEMO_PATTERN] };

test('a 5 MB section goes to Convex (in chunks) and comes back whole on another device', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(150_000);
  await configureExtension(context, SETUP);
  const page = await context.newPage();
  await page.goto(`${DEMO_URL}/acme/lab/large`);
  const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, page));
  await popup.openTools();
  await popup.page.getByLabel('Label', { exact: true }).fill('Whole knowledge base');
  await popup.page.getByRole('button', { name: 'Capture now' }).click();
  await expect
    .poll(async () => (await journalEntries(context)).map((e) => e.outbox), { timeout: 60_000 })
    .toEqual(['synced']);

  const [entry] = await journalEntries(context);
  const local = (await journalSnapshot(context, entry!.contentHash)) as CapturedSnapshot;
  expect(JSON.stringify(local).length).toBeGreaterThan(5_000_000);
  expect(local.type).toBe('knowledge-base');
  expect(local.fields).toHaveLength(LARGE_PAGE.articles);
  expect(local.fields.at(-1)?.value).toBe(largeArticle(LARGE_PAGE.articles - 1));
  // Convex keeps documents under 1 MiB: the server stored it in 500 KB chunks and hands it back reassembled.
  const [server] = await localConvex.backups();
  expect(server?.clientBackupId).toBe(entry!.id);
  expect(JSON.parse(server!.data)).toEqual(local);
  await expect(popup.entries.first()).toContainText('Whole knowledge base');
  await expect(popup.entries.first()).toContainText(/5\.\d MB/);
  await popup.screenshot('popup-large-backup');

  // Another device of the same workspace pulls it when its popup opens on the dashboard.
  const otherProfile = mkdtempSync(path.join(tmpdir(), 'savepoint-other-device-'));
  const other = await launchBrowser(otherProfile);
  try {
    await configureExtension(other, SETUP);
    const otherPage = await other.newPage();
    await otherPage.goto(`${DEMO_URL}/acme/lab/large`);
    const otherId = new URL((await serviceWorker(other)).url()).host;
    const otherPopup = await PopupPage.open(other, otherId, await tabIdOf(other, otherPage));
    await expect
      .poll(async () => (await journalEntries(other)).map((e) => `${e.id}:${e.outbox}`), { timeout: 30_000 })
      .toEqual([`${entry!.id}:remote`]);
    const [pulled] = await journalEntries(other);
    expect(await journalSnapshot(other, pulled!.contentHash)).toEqual(local);
    await expect(otherPopup.entries.first()).toContainText('Whole knowledge base');
  } finally {
    await other.close();
    rmSync(otherProfile, { recursive: true, force: true });
  }
});
