import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreByRequest, type RequestRestoreDeps } from '../../../lib/background/restore-by-request';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import type { WatchedDashboard } from '../../../lib/storage';
import { capture } from '../support/capture-path';

const TAB = 'http://127.0.0.1:4410/acme/lab/forms';
const SAVE = '/api/workspaces/acme/settings/bot-names';
const DASHBOARD: WatchedDashboard = {
  id: 'd',
  pattern: 'http://127.0.0.1:*/:workspace/*',
  extraLeftOut: [],
  managed: false,
};

async function botNames(body: Record<string, unknown>): Promise<Snapshot> {
  const { snapshot } = await capture(
    {
      pageUrl: 'http://127.0.0.1:4410/acme/settings',
      trigger: { kind: 'fetch' },
      request: { method: 'PUT', url: SAVE, bodyKind: 'json', body },
    },
    { salt: 'salt-salt-salt-salt', typeHint: 'bot-names' },
  );
  return snapshot;
}

let journal: Journal;

beforeEach(async () => {
  journal = createJournal(await openJournal(`base-${Math.random()}`));
  const own = await botNames({ primaryName: 'Ada', fallbackName: 'Grace' });
  await journal.record({
    id: 'own',
    workspace: 'acme',
    snapshot: own,
    contentHash: await contentHash(own),
    source: 'auto',
    capturedAt: 1000,
    device: 'here',
  });
});

/** Restores `backup` by its request from the acme tab, with a dashboard whose settings cannot be read back. */
async function restoreWithoutRead(backup: Snapshot, madeHere: boolean) {
  const send = vi.fn<RequestRestoreDeps['send']>(async () => ({ ok: true, status: 200 }));
  const { report } = await restoreByRequest(
    {
      journal,
      watched: async () => [DASHBOARD],
      read: async () => ({ ok: false, status: 404 }),
      send,
      salt: async () => 'salt-salt-salt-salt',
    },
    {
      tabId: 1,
      tabUrl: TAB,
      workspace: 'acme',
      dashboard: DASHBOARD,
      backup,
      madeHere,
      fields: ['primaryName'],
    },
  );
  return { report, send };
}

describe('what a restore by request sends when the dashboard cannot be read back', () => {
  it("lays an import's chosen fields on this browser's newest backup, never the import's own body", async () => {
    const crafted = await botNames({
      primaryName: 'Mallory',
      fallbackName: 'Mallory',
      webhookUrl: 'https://evil.example/hook',
    });
    // Imported, it is the section's newest backup.
    await journal.importAll([
      {
        backup: {
          id: 'crafted',
          workspace: 'acme',
          snapshot: crafted,
          contentHash: await contentHash(crafted),
          source: 'import',
          capturedAt: 2000,
          device: 'elsewhere',
        },
        pinned: false,
      },
    ]);
    const { send } = await restoreWithoutRead(crafted, false);
    expect(send).toHaveBeenCalledOnce();
    expect(send.mock.calls[0]?.[1]).toMatchObject({
      body: { primaryName: 'Mallory', fallbackName: 'Grace' },
    });
  });

  it('sends nothing from an import when nothing made here says what the dashboard has', async () => {
    const other = await botNames({ primaryName: 'Mallory', webhookUrl: 'https://evil.example/hook' });
    await journal.remove('own');
    const { report, send } = await restoreWithoutRead(other, false);
    expect(send).not.toHaveBeenCalled();
    expect(report.saveError).toMatch(/has not seen|cannot read the dashboard's current settings/);
  });
});
