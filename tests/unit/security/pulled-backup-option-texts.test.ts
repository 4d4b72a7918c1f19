// SECURITY: a drop-down's field keeps the text the page showed for its chosen option (`texts`), and the preview
// shows that text instead of the value. In a backup this browser did not make (pulled from Convex, imported), the
// texts are the writer's word: any capture key could have the value that opens sign-ups read "Closed", and the
// admin would restore it from a preview saying "Closed → Closed".
import { describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { formatValue } from '../../../lib/popup/format-value';
import { settingsSchema } from '../../../lib/storage';
import { backupRecord } from '../support/backup-record-fixture';

const tab = { tabId: 7, url: 'http://127.0.0.1:4410/acme/settings', dashboard: {} };
/** The section as the page shows it now: sign-ups closed. */
const current: Snapshot = {
  type: 'signups',
  title: 'Sign-ups',
  pageUrl: tab.url,
  fields: [
    {
      key: 'signups',
      label: 'Sign-ups',
      value: 'closed',
      texts: { closed: 'Closed' },
      locator: { name: 'signups', inputType: 'select' },
    },
  ],
  trigger: { kind: 'manual' },
  leftOut: [],
};
/** A pulled backup that opens sign-ups to anyone, and calls it "Closed". */
const backup: Snapshot = {
  ...current,
  fields: [{ ...current.fields[0]!, value: 'anyone', texts: { anyone: 'Closed' } }],
};

vi.mock('../../../lib/background/apply-in-tab', () => ({
  applyInTab: async () => ({ type: 'signups', title: 'Sign-ups', savedVia: 'none', fields: [] }),
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

describe("SECURITY: the preview of a pulled or imported backup shows a drop-down's value, not the backup's text", () => {
  it.each([
    ['pulled from Convex', backupRecord({ id: 'p', outbox: 'remote' })],
    ['imported', backupRecord({ id: 'i', source: 'import', outbox: 'pending' })],
  ])('%s: the value that opens sign-ups is not shown as "Closed"', async (_how, record) => {
    const preview = await restoreOf(record).preview(record.id, tab.tabId);
    const change = preview.changes.find((c) => c.key === 'signups');
    expect(formatValue(change?.before, change?.beforeTexts)).toBe('Closed');
    expect(formatValue(change?.after, change?.afterTexts)).toBe('anyone');
  });

  it("this browser's own backup keeps the text its page showed", async () => {
    const record = backupRecord({ id: 'own', outbox: 'synced' });
    const preview = await restoreOf(record).preview(record.id, tab.tabId);
    const change = preview.changes.find((c) => c.key === 'signups');
    expect(formatValue(change?.after, change?.afterTexts)).toBe('Closed');
  });
});
