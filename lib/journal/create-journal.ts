import { keptByRetention } from './kept-by-retention';
import type { Snapshot } from '../capture/snapshot';
import type { BackupRecord, NewBackup } from './backup-record';
import { releaseBody } from './body-writes';
import { compactSection } from './compact-section';
import { createSectionSizes } from './create-section-sizes';
import { sectionKey } from './section-key';
import { journalWorkspaces } from './journal-workspaces';
import { newestBackups } from './newest-backups';
import type { JournalDb } from './open-journal';
import { inPlace } from './backup-place';
import { addSyncedBackups } from './add-synced-backups';
import { importBackups, type ImportCounts } from './import-backups';
import { readSnapshot } from './read-snapshot';
import { recordBackup } from './record-backup';
import { sectionNewest, sectionRange } from './section-newest';
import { STRICT } from './strict';

export type { NewBackup } from './backup-record';
export type { RecordResult } from './record-backup';

/** The local journal: the source of truth for history, and the outbox of backups waiting for Convex. */
export function createJournal(db: JournalDb) {
  /** Backups retention may remove: unpinned, and already in Convex. */
  const isPrunable = (record: BackupRecord) =>
    !record.pinned && (record.outbox === 'synced' || record.outbox === 'remote');

  const sizes = createSectionSizes();

  /**
   * Removes a backup, and its body when no other backup uses it. With `prunable`, only while it still is one: a pin
   * may land between a prune's read of its section and the removal. Returns whether it was removed.
   */
  async function removeBackup(id: string, prunable = false): Promise<boolean> {
    const tx = db.transaction(['backups', 'bodies'], 'readwrite', STRICT);
    const record = await tx.objectStore('backups').get(id);
    const removing = record !== undefined && (!prunable || isPrunable(record));
    if (removing) {
      await tx.objectStore('backups').delete(id);
      const users = await tx.objectStore('backups').index('by_contentHash').count(record.contentHash);
      if (users === 0) await releaseBody(tx.objectStore('bodies'), record.contentHash);
    }
    await tx.done;
    if (removing) sizes.resize(record.workspace, record.type, -1);
    return removing;
  }

  /** Compacts each section the records belong to; they stay readable whole if that fails. */
  async function compactSectionsOf(records: { workspace: string; type: string }[]): Promise<void> {
    const sections = new Map(records.map((r) => [sectionKey(r.workspace, r.type), r]));
    for (const { workspace, type } of sections.values()) {
      try {
        await compactSection(db, workspace, type);
      } catch {
        // Compaction only saves space: the backups were stored whole and the next compaction tries again.
      }
    }
  }

  return {
    /** Adds a backup unless it repeats its section's latest content (record-backup.ts). */
    record: (input: NewBackup, options?: { dedupe?: boolean; syncedAt?: number }) =>
      recordBackup(db, sizes, input, options),

    /** Adds imported backups in one transaction, all or nothing (import-backups.ts), then compacts their sections. */
    async importAll(entries: { backup: NewBackup; pinned: boolean }[]): Promise<ImportCounts> {
      const counts = await importBackups(db, entries);
      if (counts.added > 0) sizes.forget();
      await compactSectionsOf(entries.map(({ backup }) => ({ ...backup, type: backup.snapshot.type })));
      return counts;
    },

    /**
     * Adds backups that already exist on the server (other devices). A body is stored only under a hash the
     * journal does not hold yet: a pulled body never replaces one already there. Pulled bodies arrive whole; their
     * sections are compacted afterwards.
     */
    async addSynced(records: BackupRecord[], bodies: { hash: string; data: string }[]): Promise<number> {
      const added = await addSyncedBackups(db, records, bodies);
      for (const record of added) sizes.resize(record.workspace, record.type, 1);
      await compactSectionsOf(records);
      return added.length;
    },

    get: (id: string) => db.get('backups', id),
    /** Re-encodes a section as a reverse chain of deltas (see compact-section.ts). */
    compactSection: (workspace: string, type: string) => compactSection(db, workspace, type),
    readSnapshot: (hash: string) => readSnapshot(db, hash),
    /**
     * A backup's snapshot: the body stored under its content hash (which backups with the same content share), with
     * the title, page and save request the backup itself was captured with (backup-place.ts). Null when it has none.
     */
    async snapshotOf(
      record: Pick<BackupRecord, 'contentHash' | 'title' | 'place'>,
    ): Promise<Snapshot | null> {
      const snapshot = await readSnapshot(db, record.contentHash);
      return snapshot && inPlace(snapshot, record);
    },
    /** The newest backup of a section, if any. */
    latestOfSection: async (workspace: string, type: string): Promise<BackupRecord | undefined> =>
      (await sectionNewest(db, workspace, type, 1))[0],

    /** Up to `limit` of a section's newest backups that pass `keep`, newest first. */
    newestOfSection: (
      workspace: string,
      type: string,
      limit: number,
      keep: (record: BackupRecord) => boolean,
    ) => sectionNewest(db, workspace, type, limit, keep),

    /** Backups of a workspace, newest first. */
    async list(workspace: string): Promise<BackupRecord[]> {
      const range = IDBKeyRange.bound([workspace, -Infinity], [workspace, Infinity]);
      const all = await db.getAllFromIndex('backups', 'by_workspace_and_capturedAt', range);
      return all.reverse();
    },

    /** The newest backups of a workspace, or the page after `after` (see newest-backups.ts). */
    newest: (workspace: string, limit: number, after?: Pick<BackupRecord, 'capturedAt' | 'id'>) =>
      newestBackups(db, workspace, limit, after),

    /** How many backups a workspace has. */
    countOf(workspace: string): Promise<number> {
      const range = IDBKeyRange.bound([workspace, -Infinity], [workspace, Infinity]);
      return db.countFromIndex('backups', 'by_workspace_and_capturedAt', range);
    },

    /** Every workspace that has backups. */
    workspaces: () => journalWorkspaces(db),

    /** Pending backups whose next attempt is due, oldest first. */
    async due(now: number, limit = 50): Promise<BackupRecord[]> {
      const range = IDBKeyRange.bound(['pending', -Infinity], ['pending', now]);
      return db.getAllFromIndex('backups', 'by_outbox_and_nextAttemptAt', range, limit);
    },

    /** Pending backups of any due time (for counting and "retry now"). */
    async pending(): Promise<BackupRecord[]> {
      const range = IDBKeyRange.bound(['pending', -Infinity], ['pending', Infinity]);
      return db.getAllFromIndex('backups', 'by_outbox_and_nextAttemptAt', range);
    },

    async quarantined(): Promise<BackupRecord[]> {
      const range = IDBKeyRange.bound(['quarantined', -Infinity], ['quarantined', Infinity]);
      return db.getAllFromIndex('backups', 'by_outbox_and_nextAttemptAt', range);
    },

    /** Applies a change to one backup record inside a strict transaction. */
    async update(
      id: string,
      change: (record: BackupRecord) => BackupRecord,
    ): Promise<BackupRecord | undefined> {
      const tx = db.transaction('backups', 'readwrite', STRICT);
      const record = await tx.store.get(id);
      if (!record) {
        await tx.done;
        return undefined;
      }
      const next = change(record);
      await tx.store.put(next);
      await tx.done;
      return next;
    },

    /** Makes every pending backup due now (the user pressed Retry, or the settings changed). */
    async retryAllNow(): Promise<void> {
      const tx = db.transaction('backups', 'readwrite', STRICT);
      const range = IDBKeyRange.bound(['pending', -Infinity], ['pending', Infinity]);
      let cursor = await tx.store.index('by_outbox_and_nextAttemptAt').openCursor(range);
      while (cursor) {
        await cursor.update({ ...cursor.value, nextAttemptAt: 0 });
        cursor = await cursor.continue();
      }
      await tx.done;
    },

    /** Deletes a backup and its body when no backup uses it; deltas resting on that body are folded first. */
    async remove(id: string): Promise<void> {
      await removeBackup(id);
    },

    /**
     * Keeps the newest `keep` backups of a section of each writer (kept-by-retention.ts) plus pinned ones and their
     * anchors (the newest from before an hour, a day and a week ago); only backups already on the server are pruned.
     * Returns how many were removed. With `slack` (prune-slack.ts), a section is left alone until it holds `slack`
     * more backups than the retention, or than the last such prune left.
     */
    async prune(workspace: string, type: string, keep: number, slack = 0, now = Date.now()): Promise<number> {
      const range = sectionRange(workspace, type);
      const index = 'by_workspace_and_type_and_capturedAt';
      const floor = slack > 0 ? sizes.floor(workspace, type, keep) : keep;
      // A count decides it without reading every backup; with slack, the size known since the last count does.
      const known = slack > 0 ? sizes.known(workspace, type) : undefined;
      const size = known ?? (await db.countFromIndex('backups', index, range));
      sizes.counted(workspace, type, size);
      if (size <= floor + slack) return 0;
      const all = await db.getAllFromIndex('backups', index, range);
      sizes.counted(workspace, type, all.length);
      const unpinned = all.filter((record) => !record.pinned);
      // Per writer, its newest `keep` and its newest from before an hour, a day and a week ago stay.
      const kept = keptByRetention(unpinned, keep, now);
      const excess = unpinned.filter((record) => !kept.has(record));
      let removed = 0;
      for (const record of excess.filter(isPrunable)) if (await removeBackup(record.id, true)) removed += 1;
      if (slack > 0) sizes.left(workspace, type, all.length - removed, keep);
      return removed;
    },

    /** The oldest synced, unpinned backups across all workspaces (for freeing space when storage is short). */
    async oldestPrunable(limit: number): Promise<BackupRecord[]> {
      const result: BackupRecord[] = [];
      for (const state of ['synced', 'remote'] as const) {
        const range = IDBKeyRange.bound([state, -Infinity], [state, Infinity]);
        const records = await db.getAllFromIndex('backups', 'by_outbox_and_nextAttemptAt', range);
        result.push(...records.filter((record) => !record.pinned));
      }
      return result.sort((a, b) => a.capturedAt - b.capturedAt).slice(0, limit);
    },

    count: () => db.count('backups'),
    countBodies: () => db.count('bodies'),
  };
}

export type Journal = ReturnType<typeof createJournal>;
