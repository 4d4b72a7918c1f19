// SECURITY: the restore preview of a backup this browser did not make (pulled from Convex, imported) names each
// field as the backup says. On the page, the restore writes a field where the page reads the same key (and reports
// it with the page's label), but the preview the admin ticks from shows the backup's label: any capture key of the
// workspace can call the page's "Owner email" field "Fallback name", and the admin restores "Fallback name".
import { describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { settingsSchema } from '../../../lib/storage';
import { backupRecord } from '../support/backup-record-fixture';

const tab = { tabId: 7, url: 'http://127.0.0.1:4410/acme/settings', dashboard: {} };
const field = (key: string, label: string, value: string) => ({
  key,
  label,
  value,
  locator: { name: key, inputType: 'text' },
});
/** The section as the page shows it now. */
const current: Snapshot = {
  type: 'bot-names',
  title: 'Bot names',
  pageUrl: tab.url,
  fields: [
    field('fallbackName', 'Fallback name', 'Grace'),
    field('ownerEmail', 'Owner email', 'ops@acme.example'),
  ],
  trigger: { kind: 'manual' },
  leftOut: [],
};
/** A pulled backup that calls the owner's email "Fallback name". */
const backup: Snapshot = {
  ...current,
  fields: [field('ownerEmail', 'Fallback name', 'mallory@evil.example')],
  trigger: { kind: 'fetch' },
};

vi.mock('../../../lib/background/apply-in-tab', () => ({
  applyInTab: async () => ({ type: 'bot-names', title: 'Bot names', savedVia: 'none', fields: [] }),
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
    capture: {} as never,
    readWatched: async () => [],
    readSettings: async () => settingsSchema.parse({}),
    device: async () => 'here',
    salt: async () => 'salt-salt-salt-salt',
  });
}

describe('SECURITY: the preview of a pulled or imported backup names fields as the page does', () => {
  it.each([
    ['pulled from Convex', backupRecord({ id: 'p', outbox: 'remote' })],
    ['imported', backupRecord({ id: 'i', source: 'import', outbox: 'pending' })],
  ])('%s: the owner email field is not shown as "Fallback name"', async (_how, record) => {
    const preview = await restoreOf(record).preview(record.id, tab.tabId);
    const change = preview.changes.find((c) => c.key === 'ownerEmail');
    expect(change?.label).toBe('Owner email');
    expect(preview.changes.filter((c) => c.label === 'Fallback name').map((c) => c.key)).not.toContain(
      'ownerEmail',
    );
  });
});
