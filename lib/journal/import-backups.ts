import type { Snapshot } from '../capture/snapshot';
import { countChanges } from '../diff/diff-snapshots';
import type { NewBackup } from './backup-record';
import { tryRebuild } from './body-chain';
import { newBackupRecord } from './new-backup-record';
import type { JournalDb } from './open-journal';
import { sectionRange } from './section-newest';
import { STRICT } from './strict';

/** What an import added, and what it left out. */
export interface ImportCounts {
  added: number;
  identical: number;
  conflicting: number;
}

/**
 * Adds imported backups in one transaction, all or nothing: a failure on any of them aborts the lot. A backup
 * whose section content the journal already holds counts as identical and is not added; one whose id it holds
 * with other content counts as conflicting and is not added either (the backup here wins). A body already
 * stored under a hash is kept. `entries` come oldest first, so "fields changed" counts against the one before.
 */
export async function importBackups(
  db: JournalDb,
  entries: { backup: NewBackup; pinned: boolean }[],
): Promise<ImportCounts> {
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
      const previous = await backups
        .index('by_workspace_and_type_and_capturedAt')
        .openCursor(sectionRange(workspace, snapshot.type), 'prev');
      const previousSnapshot = previous
        ? ((await tryRebuild(bodies, previous.value.contentHash)) as Snapshot | undefined)
        : undefined;
      const data = JSON.stringify(snapshot);
      const size = new TextEncoder().encode(data).byteLength;
      // An imported backup's secrets were hashed on the device that made it, maybe not this one.
      const changed = countChanges(previousSnapshot ?? null, snapshot, { secretsComparable: false });
      const record = newBackupRecord(backup, size, changed);
      if (!(await bodies.getKey(backup.contentHash))) await bodies.put({ hash: backup.contentHash, data });
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
  return { added, identical: entries.length - added - conflicting, conflicting };
}
