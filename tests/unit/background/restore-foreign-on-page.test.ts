import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { settingsSchema } from '../../../lib/storage';
import { backupRecord } from '../support/backup-record-fixture';

const tab = { tabId: 7, url: 'http://127.0.0.1:4410/acme/settings', dashboard: {} };
const current: Snapshot = {
  type: 'bot-names',
  title: 'Bot names',
  pageUrl: tab.url,
  fields: [
    {
      key: 'primaryName',
      label: 'Primary bot name',
      value: 'Ada',
      locator: { name: 'primaryName', inputType: 'text' },
    },
  ],
  trigger: { kind: 'manual' },
  leftOut: [],
};
const backup: Snapshot = {
  ...current,
  fields: [{ ...current.fields[0]!, value: 'Grace', locator: { name: 'ownerEmail', inputType: 'text' } }],
  trigger: { kind: 'fetch', submitter: { inputType: 'button', id: 'delete-bot', label: 'Delete bot' } },
};

const applied = vi.hoisted(() => ({ snapshots: [] as Snapshot[] }));
vi.mock('../../../lib/background/apply-in-tab', () => ({
  applyInTab: async (_tabId: number, snapshot: Snapshot) => {
    applied.snapshots.push(snapshot);
    return { type: snapshot.type, title: snapshot.title, savedVia: 'none', fields: [] };
  },
  readInTab: async () => ({ ok: false, status: 0 }),
  sendInTab: async () => ({ ok: false, status: 0 }),
}));
vi.mock('../../../lib/background/restore-tabs', () => ({
  createRestoreTabs: () => ({
    home: async () => undefined,
    tabOf: async () => tab,
    dashboardTab: async () => tab,
    currentSection: async () => current,
  }),
}));

const { createRestoreService } = await import('../../../lib/background/create-restore-service');

function restoreOf(record: BackupRecord) {
  return createRestoreService({
    journal: {
      get: async () => record,
      snapshotOf: async () => backup,
      // No backup of a save of the section made here: nothing on the page reads as unsaved.
      newestOfSection: async () => [],
    } as never,
    capture: {
      markRestoring: () => undefined,
      takeBefore: () => undefined,
      waitForCapture: async () => null,
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
  applied.snapshots = [];
});

describe('a restore on the page of a backup this browser did not make', () => {
  it.each([
    ['pulled from Convex', backupRecord({ id: 'p', outbox: 'remote' })],
    ['imported', backupRecord({ id: 'i', source: 'import', outbox: 'pending' })],
  ])(
    '%s: puts its values where the page has the fields, saved by the section itself',
    async (_how, record) => {
      await restoreOf(record).apply(record.id, tab.tabId);
      const [sent] = applied.snapshots;
      expect(sent?.trigger.submitter).toBeUndefined();
      expect(sent?.fields[0]).toMatchObject({ value: 'Grace', locator: { name: 'primaryName' } });
    },
  );

  it("made here: as it was captured (the page's own save and fields, found again after the page changed)", async () => {
    const record = backupRecord({ id: 'own', outbox: 'synced' });
    await restoreOf(record).apply(record.id, tab.tabId);
    expect(applied.snapshots[0]).toBe(backup);
  });
});
