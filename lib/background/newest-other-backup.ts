import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';

/**
 * The section's newest backup this browser made, with its snapshot, unless it is `record` itself (or has none
 * stored). A pulled or imported one is its writer's word: any capture key could name the values a restore should
 * put back as the dashboard's, and the preview would leave them unticked.
 */
export async function newestOtherBackup(journal: Journal, record: BackupRecord) {
  const [newest] = await journal.newestOfSection(record.workspace, record.type, 1, madeHere);
  if (!newest || newest.id === record.id || newest.contentHash === record.contentHash) return undefined;
  const snapshot = await journal.snapshotOf(newest);
  return snapshot ? { record: newest, snapshot } : undefined;
}
