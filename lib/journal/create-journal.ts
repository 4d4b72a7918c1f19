import { keptByRetention } from './kept-by-retention';
import type { Snapshot } from '../capture/snapshot';
import { countChanges } from '../diff/diff-snapshots';
import type { BackupRecord, NewBackup } from './backup-record';
import { readChain, rebuildChecked, tryRebuild } from './body-chain';
import { applyPlan, planDelta, putWhole, releaseBody, type DeltaPlan } from './body-writes';
import { compactSection } from './compact-section';
import { createSectionSizes } from './create-section-sizes';
import { sectionKey } from './section-key';
import { journalWorkspaces } from './journal-workspaces';
import { newestBackups } from './newest-backups';
import { isDeltaBody, type JournalDb } from './open-journal';
import { newBackupRecord } from './new-backup-record';
import { madeHere } from './made-here';
import { inPlace } from './backup-place';

export type { NewBackup } from './backup-record';

export interface RecordResult {
  record: BackupRecord;
  /** False when the snapshot equals the latest backup of its section, so no new backup was made. */
  added: boolean;
}

// A write that acknowledges a backup must survive a crash right after it (Chrome 121+ defaults to relaxed).
const STRICT = { durability: 'strict' } as const;

/** The local journal: the source of truth for history, and the outbox of backups waiting for Convex. */
export function createJournal(db: JournalDb) {
  const sectionRange = (workspace: string, type: string) =>
    IDBKeyRange.bound([workspace, type, -Infinity], [workspace, type, Infinity]);

  async function latestOfSection(workspace: string, type: string): Promise<BackupRecord | undefined> {
    const cursor = await db
      .transaction('backups')
      .store.index('by_workspace_and_type_and_capturedAt')
      .openCursor(sectionRange(workspace, type), 'prev');
    return cursor?.value;
  }

  /** Rewrites a whole body as a delta, as planned; a failure keeps the body whole, which is only more space. */
  async function encodeDelta(plan: DeltaPlan): Promise<void> {
    const tx = db.transaction('bodies', 'readwrite');
    try {
      await applyPlan(tx.store, plan);
      await tx.done;
    } catch (error) {
      tx.done.catch(() => undefined);
      try {
        tx.abort();
      } catch {
        // Already aborted by the request that failed.
      }
      console.warn('Savepoint: could not store the previous backup as a delta', error);
    }
  }

  /**
   * The snapshot stored under a content hash, rebuilt from its deltas when it is not the newest of its section;
   * null when there is none. Throws a `SnapshotRebuildError` when it cannot be rebuilt exactly.
   */
  async function readSnapshot(hash: string): Promise<Snapshot | null> {
    const tx = db.transaction('bodies');
    const chain = await readChain(tx.store, hash);
    await tx.done;
    return chain ? (JSON.parse(await rebuildChecked(chain)) as Snapshot) : null;
  }

  /** Up to `limit` of a section's newest backups that pass `keep`, newest first. */
  async function newestOf(
    workspace: string,
    type: string,
    limit: number,
    keep: (record: BackupRecord) => boolean,
  ): Promise<BackupRecord[]> {
    const found: BackupRecord[] = [];
    let cursor = await db
      .transaction('backups')
      .store.index('by_workspace_and_type_and_capturedAt')
      .openCursor(sectionRange(workspace, type), 'prev');
    while (cursor && found.length < limit) {
      if (keep(cursor.value)) found.push(cursor.value);
      cursor = await cursor.continue();
    }
    return found;
  }

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
    /**
     * Adds a backup unless it repeats the section's latest content (manual captures always add; `dedupe: false`
     * adds it anyway, for a backup that was already judged new when it was made, such as a held one). `syncedAt`
     * records it as already in Convex (a held backup sent from the hold), so the outbox does not send it again.
     */
    async record(
      input: NewBackup,
      { dedupe = true, syncedAt }: { dedupe?: boolean; syncedAt?: number } = {},
    ): Promise<RecordResult> {
      const { snapshot } = input;
      // Two transactions: one over both stores took 4.9 ms against 3.4 (medians of 60 saves).
      let previous = await latestOfSection(input.workspace, snapshot.type);
      // This backup itself, pulled back from Convex while it waited in the hold: compare with the one before it.
      if (previous?.id === input.id)
        [previous] = await newestOf(input.workspace, snapshot.type, 1, (r) => r.id !== input.id);
      if (dedupe && previous && previous.contentHash === input.contentHash && input.source === 'auto') {
        return { record: previous, added: false };
      }
      const data = JSON.stringify(snapshot);
      const previousBody = previous ? await db.get('bodies', previous.contentHash) : undefined;
      let previousSnapshot: Snapshot | null = null;
      let plan = null;
      if (previous && previousBody && !isDeltaBody(previousBody)) {
        previousSnapshot = JSON.parse(previousBody.data) as Snapshot;
        // The section's newest body is kept whole; the one before it becomes the delta from the new one to it.
        if (previous.contentHash !== input.contentHash)
          plan = await planDelta(
            previous.contentHash,
            previousBody.data,
            input.contentHash,
            JSON.parse(data),
          );
      } else if (previous) {
        previousSnapshot = await readSnapshot(previous.contentHash).catch(() => null);
      }
      const record = newBackupRecord(
        input,
        new TextEncoder().encode(data).byteLength,
        // A backup pulled before this one hashed its secrets with another device's salt.
        countChanges(previousSnapshot, snapshot, { secretsComparable: !previous || madeHere(previous) }),
        syncedAt,
      );
      const tx = db.transaction(['backups', 'bodies'], 'readwrite', STRICT);
      const existing = await tx.objectStore('backups').get(record.id);
      // Sent to Convex from the hold (`syncedAt`) and pulled back as another device's before it got here: it is
      // this device's own, and takes that place, with what Convex said of it (pins, the writing key).
      const pulledBack = existing?.outbox === 'remote' && syncedAt !== undefined;
      if (existing && !pulledBack) {
        await tx.done;
        return { record: existing, added: false };
      }
      const stored: BackupRecord = existing
        ? {
            ...record,
            pinned: existing.pinned,
            ...(existing.pinnedBy ? { pinnedBy: existing.pinnedBy } : {}),
            ...(existing.keyLabel ? { keyLabel: existing.keyLabel } : {}),
            ...(existing.serverId ? { serverId: existing.serverId } : {}),
          }
        : record;
      // This device's own body wins: one pulled or imported earlier under the same hash agrees on what the hash
      // covers, but not necessarily on the rest (page URL, locators), which a restore also uses.
      await putWhole(tx.objectStore('bodies'), input.contentHash, data);
      await tx.objectStore('backups').put(stored);
      // The pulled copy's body, if no other backup uses it.
      if (existing && existing.contentHash !== stored.contentHash) {
        const users = await tx.objectStore('backups').index('by_contentHash').count(existing.contentHash);
        if (users === 0) await releaseBody(tx.objectStore('bodies'), existing.contentHash);
      }
      await tx.done;
      if (!existing) sizes.resize(input.workspace, snapshot.type, 1);
      // The backup is durable; only then does the one before it become a delta on it, in a transaction of its own:
      // that saves space, not data, and in the backup's own transaction it held the backup's commit back (four more
      // reads and writes), or lost the backup with it when it failed (storage full).
      if (plan) await encodeDelta(plan);
      return { record: stored, added: true };
    },

    /**
     * Adds imported backups in one transaction, all or nothing: a failure on any of them aborts the lot. A backup
     * whose section content the journal already holds counts as identical and is not added; one whose id it holds
     * with other content counts as conflicting and is not added either (the backup here wins). A body already
     * stored under a hash is kept. `entries` come oldest first, so "fields changed" counts against the one before.
     */
    async importAll(
      entries: { backup: NewBackup; pinned: boolean }[],
    ): Promise<{ added: number; identical: number; conflicting: number }> {
      const tx = db.transaction(['backups', 'bodies'], 'readwrite', STRICT);
      const backups = tx.objectStore('backups');
      const bodies = tx.objectStore('bodies');
      let added = 0;
      let conflicting = 0;
      try {
        for (const { backup, pinned } of entries) {
          const { workspace, snapshot } = backup;
          const sameContent = await backups.index('by_contentHash').getAll(backup.contentHash);
          if (sameContent.some((r) => r.workspace === workspace && r.type === snapshot.type)) continue;
          if (await backups.getKey(backup.id)) {
            conflicting += 1;
            continue;
          }
          const range = IDBKeyRange.bound(
            [workspace, snapshot.type, -Infinity],
            [workspace, snapshot.type, Infinity],
          );
          const previous = await backups
            .index('by_workspace_and_type_and_capturedAt')
            .openCursor(range, 'prev');
          const previousSnapshot = previous
            ? ((await tryRebuild(bodies, previous.value.contentHash)) as Snapshot | undefined)
            : undefined;
          const data = JSON.stringify(snapshot);
          const size = new TextEncoder().encode(data).byteLength;
          // An imported backup's secrets were hashed on the device that made it, maybe not this one.
          const changed = countChanges(previousSnapshot ?? null, snapshot, { secretsComparable: false });
          const record = newBackupRecord(backup, size, changed);
          if (!(await bodies.getKey(backup.contentHash)))
            await bodies.put({ hash: backup.contentHash, data });
          await backups.put({ ...record, pinned });
          added += 1;
        }
        await tx.done;
      } catch (error) {
        // A request that threw before reaching IndexedDB does not abort the transaction by itself.
        try {
          tx.abort();
        } catch {
          // Already aborted by the failed request.
        }
        await tx.done.catch(() => undefined);
        throw error;
      }
      if (added > 0) sizes.forget();
      await compactSectionsOf(entries.map(({ backup }) => ({ ...backup, type: backup.snapshot.type })));
      return { added, identical: entries.length - added - conflicting, conflicting };
    },

    /**
     * Adds backups that already exist on the server (other devices). A body is stored only under a hash the
     * journal does not hold yet: a pulled body never replaces one already there. Pulled bodies arrive whole; their
     * sections are compacted afterwards.
     */
    async addSynced(records: BackupRecord[], bodies: { hash: string; data: string }[]): Promise<number> {
      const tx = db.transaction(['backups', 'bodies'], 'readwrite', STRICT);
      const added: BackupRecord[] = [];
      for (const body of bodies) {
        if (!(await tx.objectStore('bodies').getKey(body.hash))) await tx.objectStore('bodies').put(body);
      }
      for (const record of records) {
        if (await tx.objectStore('backups').getKey(record.id)) continue;
        await tx.objectStore('backups').put(record);
        added.push(record);
      }
      await tx.done;
      for (const record of added) sizes.resize(record.workspace, record.type, 1);
      await compactSectionsOf(records);
      return added.length;
    },

    get: (id: string) => db.get('backups', id),
    /** Re-encodes a section as a reverse chain of deltas (see compact-section.ts). */
    compactSection: (workspace: string, type: string) => compactSection(db, workspace, type),
    readSnapshot,
    /**
     * A backup's snapshot: the body stored under its content hash (which backups with the same content share), with
     * the title, page and save request the backup itself was captured with (backup-place.ts). Null when it has none.
     */
    async snapshotOf(
      record: Pick<BackupRecord, 'contentHash' | 'title' | 'place'>,
    ): Promise<Snapshot | null> {
      const snapshot = await readSnapshot(record.contentHash);
      return snapshot && inPlace(snapshot, record);
    },
    latestOfSection,

    /** Up to `limit` of a section's newest backups that pass `keep`, newest first. */
    newestOfSection: newestOf,

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
      if (slack > 0) sizes.left(workspace, type, all.length - removed);
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
