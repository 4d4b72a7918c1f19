import type { BackupRecord } from './backup-record';
import type { JournalDb } from './open-journal';
import { STRICT } from './strict';

/**
 * Adds backups that already exist on the server (other devices), in one transaction, and returns those it added.
 * A body is stored only under a hash the journal does not hold yet: a pulled body never replaces one already there.
 */
export async function addSyncedBackups(
  db: JournalDb,
  records: BackupRecord[],
  bodies: { hash: string; data: string }[],
): Promise<BackupRecord[]> {
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
  return added;
}
