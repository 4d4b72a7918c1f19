import type { BackupRecord } from './backup-record';
import type { JournalDb } from './open-journal';

/** The key range of one section's backups in the `by_workspace_and_type_and_capturedAt` index. */
export const sectionRange = (workspace: string, type: string) =>
  IDBKeyRange.bound([workspace, type, -Infinity], [workspace, type, Infinity]);

/** Up to `limit` of a section's newest backups that pass `keep`, newest first. */
export async function sectionNewest(
  db: JournalDb,
  workspace: string,
  type: string,
  limit: number,
  keep: (record: BackupRecord) => boolean = () => true,
): Promise<BackupRecord[]> {
  const found: BackupRecord[] = [];
  if (limit <= 0) return found;
  let cursor = await db
    .transaction('backups')
    .store.index('by_workspace_and_type_and_capturedAt')
    .openCursor(sectionRange(workspace, type), 'prev');
  while (cursor) {
    if (keep(cursor.value)) found.push(cursor.value);
    // Not one request more than needed: the newest backup is read on every save's path.
    if (found.length >= limit) break;
    cursor = await cursor.continue();
  }
  return found;
}
