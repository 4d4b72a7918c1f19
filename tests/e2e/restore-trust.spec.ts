import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentHash } from '../../lib/capture/canonical-json';
import type { Snapshot } from '../../lib/capture/snapshot';
import { configureExtension, journalEntries, tabIdOf } from '../support/extension-api';
import { expect, serviceWorker, test } from '../support/extension-fixture';
import { DEMO_PATTERN, DEMO_URL } from '../support/ports';
import { DashboardPage } from './pages/dashboard-page';
import { PopupPage } from './pages/popup-page';

/** A backup as an attacker would hand it over (pulled from a shared Convex, or imported): well-formed, hostile. */
async function hostileBackup(id: string, snapshot: Snapshot) {
  return {
    id,
    workspace: 'acme',
    type: snapshot.type,
    title: snapshot.title,
    capturedAt: Date.now(),
    source: 'auto',
    device: 'elsewhere',
    pinned: false,
    contentHash: await contentHash(snapshot),
    snapshot,
  };
}

const field = { key: 'plan', label: 'Plan', value: 'free', locator: { inputType: 'text' } };

test.describe('a backup is data, not an instruction (issue 13 item 1)', () => {
  test.beforeEach(async ({ context }) => {
    await configureExtension(context, { watched: [DEMO_PATTERN] });
  });

  test('a backup cannot make Savepoint send a DELETE, write to another origin, or restore into another workspace', async ({
    context,
    extensionId,
  }) => {
    const seen: string[] = [];
    context.on('request', (request) => seen.push(`${request.method()} ${request.url()}`));
    const dashboard = await new DashboardPage(await context.newPage()).open();
    const tabId = await tabIdOf(context, dashboard.page);
    const home = `${DEMO_URL}/acme/settings`;
    const bundle = {
      format: 'savepoint-bundle',
      version: 1,
      exportedAt: Date.now(),
      backups: [
        await hostileBackup('delete-account', {
          type: 'account',
          title: 'Account',
          pageUrl: home,
          fields: [field],
          trigger: { kind: 'xhr' },
          leftOut: [],
          request: {
            method: 'DELETE',
            url: '/api/workspaces/acme/account',
            bodyKind: 'json',
            body: { plan: 'free' },
          },
        }),
        await hostileBackup('other-origin', {
          type: 'exfiltrate',
          title: 'Exfiltrate',
          pageUrl: home,
          fields: [field],
          trigger: { kind: 'xhr' },
          leftOut: [],
          request: {
            method: 'POST',
            url: 'http://localhost:9/collect',
            bodyKind: 'json',
            body: { plan: 'free' },
          },
        }),
        await hostileBackup('globex-page', {
          type: 'bot-names',
          title: 'Bot names',
          pageUrl: `${DEMO_URL}/globex/settings`,
          fields: [
            {
              key: 'primaryName',
              label: 'Primary bot name',
              value: 'Mallory',
              locator: { name: 'primaryName', inputType: 'text' },
            },
          ],
          trigger: { kind: 'fetch' },
          leftOut: [],
        }),
      ],
    };
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'savepoint-hostile-')), 'bundle.json');
    writeFileSync(file, JSON.stringify(bundle));
    const popup = await PopupPage.open(context, extensionId, tabId);
    await popup.openTools();
    await popup.page.getByLabel('Import bundle').setInputFiles(file);
    await expect(popup.page.getByText('3 added, 0 identical, 0 invalid')).toBeVisible();
    expect((await journalEntries(context)).map((entry) => entry.id).sort()).toEqual([
      'delete-account',
      'globex-page',
      'other-origin',
    ]);

    // Asked directly, as a compromised popup could: the background refuses each and sends nothing.
    const ask = (type: string, data: unknown) =>
      popup.page.evaluate(
        ([t, d]) =>
          chrome.runtime.sendMessage({ type: t, data: d }) as Promise<{ ok: boolean; error?: string }>,
        [type, data] as const,
      );
    expect(await ask('restore:apply', { id: 'delete-account', tabId })).toMatchObject({
      ok: true,
      value: { savedVia: 'none', saveError: expect.stringMatching(/not DELETE/) },
    });
    expect(await ask('restore:apply', { id: 'other-origin', tabId })).toMatchObject({
      ok: true,
      value: { savedVia: 'none', saveError: expect.stringMatching(/not to this dashboard/) },
    });
    expect(await ask('restore:apply', { id: 'globex-page', tabId })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a watched dashboard of workspace acme/),
    });
    expect(seen.filter((line) => /^DELETE |localhost:9|\/globex\//.test(line))).toEqual([]);
    await expect(dashboard.page).toHaveURL(home);

    // In the popup, the preview says why and offers no restore.
    await popup.reload();
    const entry = popup.entries.filter({ hasText: 'Account' });
    await entry.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(popup.page.getByRole('alert')).toContainText('not DELETE');
    await expect(popup.page.getByRole('button', { name: /^Restore \d+ fields?$/ })).toBeDisabled();
    await popup.screenshot('restore-refused');
  });
});

test('a backup cannot steer a restore by request to another workspace, to an action, or send other values than it shows', async ({
  context,
  extensionId,
}) => {
  await configureExtension(context, { watched: [DEMO_PATTERN] });
  const seen: string[] = [];
  context.on('request', (request) => seen.push(`${request.method()} ${request.url()}`));
  const botNames = (id: string, request: Snapshot['request'], value = 'Mallory') =>
    hostileBackup(id, {
      type: 'bot-names',
      title: 'Bot names',
      pageUrl: `${DEMO_URL}/acme/settings`,
      fields: [
        {
          key: 'primaryName',
          label: 'Primary bot name',
          value,
          locator: { name: 'primaryName', inputType: 'text' },
        },
      ],
      trigger: { kind: 'fetch' },
      leftOut: [],
      ...(request ? { request } : {}),
    });
  const bundle = {
    format: 'savepoint-bundle',
    version: 1,
    exportedAt: Date.now(),
    backups: [
      await botNames('to-globex', {
        method: 'PUT',
        url: '/api/workspaces/globex/settings/bot-names',
        bodyKind: 'json',
        body: { primaryName: 'Mallory', fallbackName: 'Mallory' },
      }),
      await botNames('to-an-action', {
        method: 'POST',
        url: '/api/workspaces/acme/bots/ada/retire',
        bodyKind: 'json',
        body: { primaryName: 'Mallory' },
      }),
      // Shows "Ada" in the preview; its request would send "Mallory".
      await botNames(
        'shows-one-sends-another',
        {
          method: 'PUT',
          url: '/api/workspaces/acme/settings/bot-names',
          bodyKind: 'json',
          body: { primaryName: 'Mallory', fallbackName: 'Mallory' },
        },
        'Ada',
      ),
    ],
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'savepoint-hostile-')), 'bundle.json');
  writeFileSync(file, JSON.stringify(bundle));
  // A page of the workspace without the Bot names form: a restore would go by the section's save request.
  const page = await context.newPage();
  await page.goto(`${DEMO_URL}/acme/lab/forms`);
  const tabId = await tabIdOf(context, page);
  const popup = await PopupPage.open(context, extensionId, tabId);
  await popup.openTools();
  await popup.page.getByLabel('Import bundle').setInputFiles(file);
  await expect(popup.page.getByText('3 added, 0 identical, 0 invalid')).toBeVisible();

  const ask = (id: string) =>
    popup.page.evaluate(
      (data) =>
        chrome.runtime.sendMessage({ type: 'restore:apply', data }) as Promise<{
          ok: boolean;
          value?: { savedVia: string; saveError?: string };
        }>,
      { id, tabId },
    );
  for (const id of ['to-globex', 'to-an-action']) {
    expect(await ask(id)).toMatchObject({
      ok: true,
      value: {
        savedVia: 'none',
        saveError: expect.stringMatching(/Savepoint has not seen Bot names saved by/),
      },
    });
  }
  expect(await ask('shows-one-sends-another')).toMatchObject({
    ok: true,
    value: { savedVia: 'none', saveError: expect.stringMatching(/shows one value for Primary bot name/) },
  });
  expect(seen.filter((line) => /^(PUT|POST) .*\/api\//.test(line))).toEqual([]);
  const globex = (await (await fetch(`${DEMO_URL}/api/workspaces/globex/settings/bot-names`)).json()) as {
    primaryName: string;
  };
  expect(globex.primaryName).not.toBe('Mallory');

  // The preview says why before anything is asked of the user.
  await popup.reload();
  // Whichever of them the newest entry is (they were imported in the same millisecond or so).
  await popup.entries.first().getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(popup.page.getByRole('alert')).toContainText(
    /Savepoint has not seen Bot names saved by|shows one value for Primary bot name/,
  );
  await expect(popup.page.getByRole('button', { name: /^Restore \d+ fields?$/ })).toBeDisabled();
});

test('a script in a dashboard page’s isolated world cannot read the access key or the salt (issue 13 item 9)', async ({
  context,
}) => {
  await configureExtension(context, { watched: [DEMO_PATTERN] });
  const dashboard = await new DashboardPage(await context.newPage()).open();
  const tabId = await tabIdOf(context, dashboard.page);
  const worker = await serviceWorker(context);
  const [trusted, untrusted] = await worker.evaluate(async (id) => {
    const own = Object.keys(await chrome.storage.local.get(null));
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: id },
      func: () =>
        chrome.storage.local.get(null).then(
          (items: Record<string, unknown>) => `read ${Object.keys(items).join(',')}`,
          (error: Error) => `refused: ${error.message}`,
        ),
    });
    return [own, result?.result as string];
  }, tabId);
  expect(trusted).toContain('install');
  expect(untrusted).toMatch(/^refused/);
});

test('a page script’s own refused request to the save’s address does not make a restore that went through look refused, nor take its Undo away', async ({
  context,
  extensionId,
}) => {
  await configureExtension(context, { watched: [DEMO_PATTERN] });
  const dashboard = await new DashboardPage(await context.newPage()).open();
  await dashboard.saveBotNames('Ada');
  await dashboard.expectStatus('bot-names', 'Saved');
  await dashboard.saveBotNames('Grace');
  await dashboard.expectStatus('bot-names', 'Saved');
  await expect.poll(async () => (await journalEntries(context)).length).toBe(2);
  const refused: number[] = [];
  context.on('response', (response) => {
    if (/\/settings\/bot-names$/.test(response.url()) && response.status() >= 400)
      refused.push(response.status());
  });
  // The hostile script sends a malformed body to the save's address while the form is filled, and again when save
  // is pressed, before the dashboard's own handler sends the real save: the server refuses each of them.
  await dashboard.page.evaluate(() => {
    const malformed = () =>
      void fetch('/api/workspaces/acme/settings/bot-names', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"primaryName":',
      });
    document.addEventListener('input', malformed, true);
    window.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element).id === 'bot-names-save') malformed();
      },
      true,
    );
  });

  const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, dashboard.page));
  await popup.previewRestore(1);
  await popup.applyRestore();
  await expect(popup.row('Primary bot name')).toContainText('applied');
  await expect(popup.page.getByRole('button', { name: 'Undo restore' })).toBeVisible();
  expect(refused.length).toBeGreaterThanOrEqual(2);
  const stored = (await (await fetch(`${DEMO_URL}/_test/settings/acme`)).json()) as {
    'bot-names': { primaryName: string };
  };
  expect(stored['bot-names'].primaryName).toBe('Ada');
  // The section held what its newest backup holds: Undo puts that one back, with no second copy of it.
  const entries = await journalEntries(context);
  expect(entries.map((entry) => entry.label ?? entry.source)).toEqual(['auto', 'auto', 'restore']);
});
