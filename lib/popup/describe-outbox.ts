import type { BackupRecord } from '../journal/backup-record';

/** A short hint of where a backup stands with Convex, or null when there is nothing to say (synced). */
export function describeOutbox(
  record: Pick<BackupRecord, 'outbox' | 'lastError'>,
  offline: boolean,
): { text: string; tone: 'warning' | 'error' } | null {
  switch (record.outbox) {
    case 'pending':
      // Without Convex everything stays pending; the header already says backups stay on this device.
      if (offline) return null;
      return {
        text: record.lastError ? `Waiting to sync (${record.lastError})` : 'Waiting to sync',
        tone: 'warning',
      };
    case 'quarantined':
      return { text: `Not synced: ${record.lastError ?? 'refused by Convex'}`, tone: 'error' };
    case 'remote':
    case 'synced':
      return null;
  }
}
