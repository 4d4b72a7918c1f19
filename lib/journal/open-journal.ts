import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BackupRecord } from './backup-record';

export const JOURNAL_DB_NAME = 'savepoint-journal';

export interface JournalSchema extends DBSchema {
  backups: {
    key: string;
    value: BackupRecord;
    indexes: {
      by_workspace_and_capturedAt: [string, number];
      by_workspace_and_type_and_capturedAt: [string, string, number];
      by_outbox_and_nextAttemptAt: [string, number];
      by_contentHash: string;
    };
  };
  /** Snapshot bodies by content hash, so identical snapshots are stored once. */
  bodies: { key: string; value: { hash: string; data: string } };
}

export type JournalDb = IDBPDatabase<JournalSchema>;

/** Opens (and creates or upgrades) the local journal database. */
export function openJournal(name: string = JOURNAL_DB_NAME): Promise<JournalDb> {
  return openDB<JournalSchema>(name, 1, {
    upgrade(db) {
      const backups = db.createObjectStore('backups', { keyPath: 'id' });
      backups.createIndex('by_workspace_and_capturedAt', ['workspace', 'capturedAt']);
      backups.createIndex('by_workspace_and_type_and_capturedAt', ['workspace', 'type', 'capturedAt']);
      backups.createIndex('by_outbox_and_nextAttemptAt', ['outbox', 'nextAttemptAt']);
      backups.createIndex('by_contentHash', 'contentHash');
      db.createObjectStore('bodies', { keyPath: 'hash' });
    },
  });
}
