import { createRestoreService } from '../../../lib/background/create-restore-service';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { settingsSchema, type WatchedDashboard } from '../../../lib/storage';
import type { RestoreCalls } from './apply-in-tab-mock';

/**
 * The worker's restore service over a journal of `records` (newest first) with their `snapshots` by id, with no
 * Convex set up; what it applies and records goes to `calls`. The tab and the page are the test's own mocks of
 * apply-in-tab.ts (apply-in-tab-mock.ts) and restore-tabs.ts.
 */
export function restoreServiceOver(
  records: BackupRecord[],
  snapshots: Record<string, Snapshot>,
  calls: RestoreCalls,
  watched: WatchedDashboard[] = [],
) {
  return createRestoreService({
    journal: {
      get: async (id: string) => records.find((record) => record.id === id),
      snapshotOf: async (record: { id: string }) => snapshots[record.id],
      newestOfSection: async (_w: string, _t: string, limit: number, keep: (r: BackupRecord) => boolean) =>
        records.filter(keep).slice(0, limit),
    } as never,
    capture: {
      markRestoring: (...args: unknown[]) => {
        if (args[4]) calls.before.push(args[4]);
      },
      takeBefore: () => undefined,
      waitForCapture: async () => (calls.saved ? { snapshot: calls.saved } : null),
      record: async () => ({ record: { id: 'before' } }),
    } as never,
    readWatched: async () => watched,
    readSettings: async () => settingsSchema.parse({}),
    device: async () => 'here',
    salt: async () => 'salt-salt-salt-salt',
  });
}
