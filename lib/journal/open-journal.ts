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
  /**
   * Snapshot bodies by content hash, so identical snapshots are stored once. A body is whole, or a delta on a newer
   * body of its section (`by_base` finds the deltas on a body).
   */
  bodies: { key: string; value: StoredBody; indexes: { by_base: string } };
}

/** What both kinds of body keep about the run of deltas that ends on them, to keep reads bounded. */
interface RunLength {
  /** Most deltas read, one after the other, to reach this body from a body that is a delta on it. */
  runHops?: number;
  /** (bytes, UTF-8) of those deltas' operations. */
  runBytes?: number;
}

/** A body stored as the whole snapshot JSON (every body of a version 1 journal). */
export interface WholeBody extends RunLength {
  hash: string;
  data: string;
  /** SHA-256 (hex) of `data`, kept when the body was rebuilt from a delta, checked when read. */
  check?: string;
}

/** A body stored as the JSON delta (lib/delta/json-delta.ts) that turns body `base` into this one. */
export interface DeltaBody extends RunLength {
  hash: string;
  base: string;
  /** The delta's operations as JSON text. */
  ops: string;
  /** SHA-256 (hex) of the whole snapshot JSON this body rebuilds to, checked on every rebuild. */
  check: string;
}

export type StoredBody = WholeBody | DeltaBody;

/** True when the body is stored as a delta on another body. */
export function isDeltaBody(body: StoredBody): body is DeltaBody {
  return 'base' in body;
}

export type JournalDb = IDBPDatabase<JournalSchema>;

/** Opens (and creates or upgrades) the local journal database. */
export function openJournal(name: string = JOURNAL_DB_NAME): Promise<JournalDb> {
  return openDB<JournalSchema>(name, 2, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const backups = db.createObjectStore('backups', { keyPath: 'id' });
        backups.createIndex('by_workspace_and_capturedAt', ['workspace', 'capturedAt']);
        backups.createIndex('by_workspace_and_type_and_capturedAt', ['workspace', 'type', 'capturedAt']);
        backups.createIndex('by_outbox_and_nextAttemptAt', ['outbox', 'nextAttemptAt']);
        backups.createIndex('by_contentHash', 'contentHash');
        db.createObjectStore('bodies', { keyPath: 'hash' });
      }
      // Version 2 stores deltas: version 1's whole bodies stay valid as they are.
      if (oldVersion < 2) tx.objectStore('bodies').createIndex('by_base', 'base');
    },
  });
}
