import type { BackupRecord } from '../journal/backup-record';
import type { StatusView } from './describe-status';

/** What the popup's status header says of the workspace's sync: the hints below do not say it again. */
export type SyncHeader = Pick<StatusView, 'state' | 'detail' | 'local'>;

/** A short hint of where a backup stands with Convex, or null when there is nothing to say (synced). */
export function describeOutbox(
  record: Pick<BackupRecord, 'outbox' | 'lastError'>,
  header: SyncHeader,
): { text: string; tone: 'warning' | 'error' } | null {
  switch (record.outbox) {
    case 'pending': {
      // Without Convex everything stays pending; the header already says backups stay on this device.
      if (header.local) return null;
      // The header names the workspace's sync error once: every backup waiting on it need not repeat it. While a
      // sync pass is under way the header says so (the error it had is cleared until the pass ends): each backup's
      // last error would come back for those seconds under every one of them.
      const said =
        header.state === 'syncing' ||
        header.state === 'offline' ||
        (header.state === 'error' && record.lastError === header.detail);
      return {
        text: record.lastError && !said ? `Waiting to sync (${record.lastError})` : 'Waiting to sync',
        tone: 'warning',
      };
    }
    case 'quarantined':
      return { text: `Not synced: ${record.lastError ?? 'refused by Convex'}`, tone: 'error' };
    case 'remote':
    case 'synced':
      return null;
  }
}
