// SECURITY: a backup this browser did not make (pulled from Convex, imported) names the page a restore opens. Any
// capture key of the workspace, or a crafted bundle, chooses it: any address the watched pattern covers (a whole
// host, often), opened with the admin's session when they press Restore from another tab (`/logout`, an action
// served by GET). It opens only a page this browser's own captures of the section were on.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { settingsSchema } from '../../../lib/storage';
import { backupRecord } from '../support/backup-record-fixture';

const HOME = 'http://127.0.0.1:4410/acme/settings';
const CRAFTED = 'http://127.0.0.1:4410/acme/settings/bots/1/delete?confirm=yes';
const tab = { tabId: 7, url: HOME, dashboard: {} };

function snapshotAt(pageUrl: string): Snapshot {
  return {
    type: 'bot-names',
    title: 'Bot names',
    pageUrl,
    fields: [
      {
        key: 'primaryName',
        label: 'Primary',
        value: 'Grace',
        locator: { name: 'primaryName', inputType: 'text' },
      },
    ],
    trigger: { kind: 'manual' },
    leftOut: [],
  };
}

const opened = vi.hoisted(() => ({ urls: [] as string[] }));
vi.mock('../../../lib/background/apply-in-tab', () => ({
  applyInTab: async (_tabId: number, snapshot: Snapshot) => ({
    type: snapshot.type,
    title: snapshot.title,
    savedVia: 'none',
    fields: [],
  }),
  readInTab: async () => ({ ok: false, status: 0 }),
  sendInTab: async () => ({ ok: false, status: 0 }),
}));
vi.mock('../../../lib/background/restore-tabs', () => ({
  createRestoreTabs: () => ({
    home: async () => undefined,
    // The popup was opened on another site's tab: the restore opens the dashboard's page.
    tabOf: async () => null,
    dashboardTab: async (_workspace: string, pageUrl: string) => {
      opened.urls.push(pageUrl);
      return tab;
    },
    currentSection: async () => snapshotAt(HOME),
  }),
}));

const { createRestoreService } = await import('../../../lib/background/create-restore-service');

function restoreOf(record: BackupRecord, own: { record: BackupRecord; snapshot: Snapshot }[]) {
  const snapshots = new Map<string, Snapshot>([[record.id, snapshotAt(CRAFTED)]]);
  for (const item of own) snapshots.set(item.record.id, item.snapshot);
  return createRestoreService({
    journal: {
      get: async () => record,
      snapshotOf: async (r: BackupRecord) => snapshots.get(r.id) ?? null,
      newestOfSection: async (
        _workspace: string,
        _type: string,
        _limit: number,
        keep: (r: BackupRecord) => boolean = () => true,
      ) => own.map((item) => item.record).filter(keep),
    } as never,
    capture: {
      markRestoring: () => undefined,
      waitForCapture: async () => null,
      takeBefore: () => undefined,
      record: async () => ({ record: { id: 'before' } }),
      recordBefore: async () => 'before',
    } as never,
    readWatched: async () => [],
    readSettings: async () => settingsSchema.parse({}),
    device: async () => 'here',
    salt: async () => 'salt-salt-salt-salt',
  });
}

beforeEach(() => {
  opened.urls = [];
});

describe("SECURITY: a pulled or imported backup's page address is not opened on its word", () => {
  it.each([
    ['pulled from Convex', backupRecord({ id: 'p', outbox: 'remote' })],
    ['imported', backupRecord({ id: 'i', source: 'import', outbox: 'pending' })],
  ])(
    '%s: opens the page this browser captured the section on, not the one it names',
    async (_how, record) => {
      const own = { record: backupRecord({ id: 'own', outbox: 'synced' }), snapshot: snapshotAt(HOME) };
      await restoreOf(record, [own])
        .apply(record.id, 99)
        .catch(() => undefined);
      expect(opened.urls).not.toContain(CRAFTED);
      expect(opened.urls[0]).toBe(HOME);
    },
  );

  it('with no capture of its own of the section, opens nothing and says where to restore it', async () => {
    const record = backupRecord({ id: 'p', outbox: 'remote' });
    await expect(restoreOf(record, []).apply(record.id, 99)).rejects.toThrow(/Open/);
    expect(opened.urls).toEqual([]);
  });

  it('made here: opens the page it was captured on', async () => {
    const record = backupRecord({ id: 'mine', outbox: 'synced' });
    await restoreOf(record, []).apply(record.id, 99);
    expect(opened.urls[0]).toBe(CRAFTED);
  });
});
