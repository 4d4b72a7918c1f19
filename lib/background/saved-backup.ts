import type { Snapshot } from '../capture/snapshot';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';

type Reader = Pick<Journal, 'newestOfSection' | 'snapshotOf'>;

/**
 * The section's newest backup made here of a save, with its snapshot: what this browser last saw the dashboard save
 * (a pulled or imported one is its writer's word; "Capture now" reads the page, which may show an edit not saved).
 */
export async function savedBackup(
  journal: Reader,
  workspace: string,
  type: string,
): Promise<{ record: BackupRecord; snapshot: Snapshot } | null> {
  const [record] = await journal.newestOfSection(
    workspace,
    type,
    1,
    (candidate) => madeHere(candidate) && (candidate.source === 'auto' || candidate.source === 'restore'),
  );
  const snapshot = record ? await journal.snapshotOf(record).catch(() => null) : null;
  return record && snapshot ? { record, snapshot } : null;
}
