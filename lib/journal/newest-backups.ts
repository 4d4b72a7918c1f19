import { unwrap } from 'idb';
import type { BackupRecord } from './backup-record';
import { lastValues } from './last-values';
import type { JournalDb } from './open-journal';
import { pageAfter } from './page-after';

/**
 * The newest `limit` backups of a workspace, newest first, or the next page of them: those listed after `after`
 * (the last backup of the previous page). The popup reads its history this way, a screen at a time.
 */
export async function newestBackups(
  db: JournalDb,
  workspace: string,
  limit: number,
  after?: Pick<BackupRecord, 'capturedAt' | 'id'>,
): Promise<BackupRecord[]> {
  const range = IDBKeyRange.bound([workspace, -Infinity], [workspace, after?.capturedAt ?? Infinity]);
  const index = db.transaction('backups').store.index('by_workspace_and_capturedAt');
  const inOneRequest = after
    ? await pageAfter<BackupRecord>(unwrap(index), workspace, limit, after)
    : await lastValues<BackupRecord>(unwrap(index), range, limit);
  if (inOneRequest) return inOneRequest;
  const found: BackupRecord[] = [];
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && found.length < limit) {
    const { value } = cursor;
    // Backups captured in the same millisecond come in descending id order: skip up to the page's last one.
    if (!after || value.capturedAt < after.capturedAt || value.id < after.id) found.push(value);
    cursor = await cursor.continue();
  }
  return found;
}
