// SECURITY: with the section's form not on the page (and no read of the dashboard), the restore preview compares
// the backup with the section's newest backup and ticks only the fields that differ. A capture key writes any
// backup it likes (the HTTP API stores it as sent): its newest backup naming the good values lists the fields the
// attacker changed on the dashboard as unchanged, unticked, and the admin's restore leaves them as the attacker set.
import { describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { madeHere } from '../../../lib/journal/made-here';
import { defaultSelection } from '../../../lib/popup/restorable-fields';
import { settingsSchema } from '../../../lib/storage';
import { backupRecord } from '../support/backup-record-fixture';

const field = (key: string, value: string) => ({
  key,
  label: key,
  value,
  locator: { name: key, inputType: 'text' },
});
const snapshot = (signups: string, theme: string): Snapshot => ({
  type: 'bot-names',
  title: 'Bot names',
  pageUrl: 'http://127.0.0.1:4410/acme/settings',
  fields: [field('signups', signups), field('theme', theme)],
  trigger: { kind: 'manual' },
  leftOut: [],
});

/** The admin's own good backup; the dashboard now opens sign-ups to anyone (the attacker's doing). */
const good = backupRecord({ id: 'good', outbox: 'synced', capturedAt: 1_000 });
const goodSnapshot = snapshot('closed', 'light');
/** The attacker's newest backup, pushed with a capture key: sign-ups "closed", as in the good one. */
const forged = backupRecord({ id: 'forged', outbox: 'remote', capturedAt: 3_000 });
const forgedSnapshot = snapshot('closed', 'dark');
/** This browser's own capture of the dashboard after the attack. */
const own = backupRecord({ id: 'own', outbox: 'synced', capturedAt: 2_000 });
const ownSnapshot = snapshot('anyone', 'dark');

vi.mock('../../../lib/background/restore-tabs', () => ({
  createRestoreTabs: () => ({
    home: async () => undefined,
    tabOf: async () => null,
    dashboardTab: async () => null,
    currentSection: async () => null,
  }),
}));

const { createRestoreService } = await import('../../../lib/background/create-restore-service');

function restoreWith(records: BackupRecord[]) {
  const bodies = new Map([
    ['good', goodSnapshot],
    ['forged', forgedSnapshot],
    ['own', ownSnapshot],
  ]);
  const newestFirst = [...records].sort((a, b) => b.capturedAt - a.capturedAt);
  return createRestoreService({
    journal: {
      get: async (id: string) => records.find((record) => record.id === id),
      snapshotOf: async (record: BackupRecord) => bodies.get(record.id) ?? null,
      newestOfSection: async (_w: string, _t: string, limit: number, keep: (r: BackupRecord) => boolean) =>
        newestFirst.filter(keep).slice(0, limit),
    } as never,
    capture: {} as never,
    readWatched: async () => [],
    readSettings: async () => settingsSchema.parse({}),
    device: async () => 'here',
    salt: async () => 'salt-salt-salt-salt',
  });
}

describe("SECURITY: the restore preview's comparison base is a backup this browser made", () => {
  it('a pulled newest backup does not untick the field the attacker changed', async () => {
    const preview = await restoreWith([good, forged, own]).preview('good');
    expect(preview.comparedBackup?.id).toBe('own');
    expect([...defaultSelection(preview.changes, preview.comparedWith)]).toContain('signups');
  });

  it('with only pulled backups besides it, the preview compares with nothing and ticks every field', async () => {
    const preview = await restoreWith([good, forged]).preview('good');
    expect(preview.comparedWith).toBeNull();
    expect([...defaultSelection(preview.changes, preview.comparedWith)].sort()).toEqual(['signups', 'theme']);
  });

  it('the fixture marks the forged backup as made elsewhere', () => {
    expect(madeHere(forged)).toBe(false);
  });
});
