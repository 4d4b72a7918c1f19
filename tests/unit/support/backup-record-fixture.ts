import type { BackupRecord } from '../../../lib/journal/backup-record';

/** A synced bot-names backup of workspace acme, as the journal lists it, with `extra` over its defaults. */
export function backupRecord(extra: Partial<BackupRecord> & Pick<BackupRecord, 'id'>): BackupRecord {
  return {
    workspace: 'acme',
    type: 'bot-names',
    title: 'Bot names',
    capturedAt: 0,
    source: 'auto',
    device: 'Laptop',
    contentHash: extra.id,
    size: 10,
    pinned: false,
    changedFields: null,
    leftOut: [],
    outbox: 'synced',
    attempts: 0,
    nextAttemptAt: 0,
    ...extra,
  };
}
