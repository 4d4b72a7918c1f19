// Node-RED 4.1: the tray's save sends `telemetryEnabled` with the user settings, but its read (`GET /settings/user`)
// never shows it. The history's "Before restore" entry and the restore's own entry are made from reads: they must
// not count that place as a change (the user changed nothing there), nor may the next save of the same values.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  restoreByRequest,
  serverSection,
  type RequestRestoreDeps,
} from '../../../lib/background/restore-by-request';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import type { WatchedDashboard } from '../../../lib/storage';
import { capture } from '../support/capture-path';

const TAB = 'http://127.0.0.1:1880/';
const SAVE = 'http://127.0.0.1:1880/settings/user';
const SALT = 'salt-salt-salt-salt';
const DASHBOARD: WatchedDashboard = {
  id: 'd',
  pattern: 'http://127.0.0.1:*/*',
  extraLeftOut: [],
  managed: false,
};

/** What the tray sends on close: the view settings and the global telemetry flag. */
const trayBody = (grid: string, snap: boolean) => ({
  editor: { view: { 'view-grid-size': grid, 'view-snap-grid': snap, 'view-show-grid': true } },
  telemetryEnabled: false,
});
/** What `GET /settings/user` answers: the same view settings, never the telemetry flag. */
const readBody = (grid: string, snap: boolean) => ({
  editor: { view: { 'view-grid-size': grid, 'view-snap-grid': snap, 'view-show-grid': true } },
});

async function traySave(body: unknown): Promise<Snapshot> {
  const { snapshot } = await capture(
    {
      pageUrl: TAB,
      trigger: { kind: 'xhr' },
      request: { method: 'POST', url: SAVE, bodyKind: 'json', body },
    },
    { salt: SALT, typeHint: 'user' },
  );
  return snapshot;
}

let journal: Journal;
let at = 1000;

async function record(snapshot: Snapshot, source: 'auto' | 'manual' | 'restore') {
  at += 1000;
  return journal.record({
    id: `b${at}`,
    workspace: '127.0.0.1:1880',
    snapshot,
    contentHash: await contentHash(snapshot),
    source,
    capturedAt: at,
    device: 'here',
  });
}

beforeEach(async () => {
  journal = createJournal(await openJournal(`unread-${Math.random()}`));
});

describe('a restore by request whose read does not show every place the save sends', () => {
  it('records "Before restore" with no changes, the restore with the restored ones, and a later same save as none', async () => {
    const older = await traySave(trayBody('40', false));
    await record(older, 'auto');
    await record(await traySave(trayBody('60', true)), 'auto');

    let server = readBody('60', true);
    const send = vi.fn<RequestRestoreDeps['send']>(async (_tab, save) => {
      server = save.body as typeof server;
      return { ok: true, status: 204 };
    });
    const result = await restoreByRequest(
      {
        journal,
        watched: async () => [DASHBOARD],
        read: async () => ({ ok: true, status: 200, body: structuredClone(server) }),
        send,
        salt: async () => SALT,
      },
      {
        tabId: 1,
        tabUrl: TAB,
        workspace: '127.0.0.1:1880',
        dashboard: DASHBOARD,
        backup: older,
        madeHere: true,
        // What the preview ticks: the two that differ (it offers telemetry unticked, as the read does not show it).
        fields: ['editor.view.view-grid-size', 'editor.view.view-snap-grid'],
      },
    );
    expect(result.report.fields.filter((f) => f.outcome === 'applied').map((f) => f.key)).toEqual([
      'editor.view.view-grid-size',
      'editor.view.view-snap-grid',
    ]);
    const input = { tabUrl: TAB, dashboard: DASHBOARD, backup: older };

    const before = await record(await serverSection(result.before, input, SALT), 'manual');
    expect(before.record.changedFields).toBe(0);
    const restored = await record(await serverSection(result.saved, input, SALT), 'restore');
    expect(restored.record.changedFields).toBe(2);

    // The user opens the tray and closes it again: the same values as restored, nothing new to back up.
    const again = await record(await traySave(trayBody('40', false)), 'auto');
    expect(again.added ? again.record.changedFields : 0).toBe(0);
  });
});
