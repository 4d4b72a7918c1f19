import type { Snapshot } from '../capture/snapshot';
import { diffSnapshots } from '../diff/diff-snapshots';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';

/**
 * The label of `record`, a save just recorded here, when it puts back settings the restore right before it changed
 * (a page that still showed the older settings saved them: Node-RED's editor keeps them in memory), else undefined.
 * What the section held before the restore is the entry just before it (its "Before restore" entry, or the save
 * it reused).
 */
export async function revertedRestore(
  journal: Pick<Journal, 'newestOfSection' | 'snapshotOf'>,
  record: BackupRecord,
  snapshot: Snapshot,
): Promise<string | undefined> {
  const [, restore, before] = await journal.newestOfSection(record.workspace, snapshot.type, 3, madeHere);
  if (restore?.source !== 'restore' || !before) return undefined;
  const [restored, held] = await Promise.all([journal.snapshotOf(restore), journal.snapshotOf(before)]);
  if (!restored || !held) return undefined;
  const options = { secretsComparable: true };
  const kept = new Set(
    diffSnapshots(held, snapshot, options)
      .filter((change) => change.kind === 'unchanged')
      .map((change) => change.key),
  );
  // A field the restore's entry does not hold (a dashboard's read that leaves it out) was not changed by it.
  const changed = diffSnapshots(held, restored, options).filter(
    (change) => (change.kind === 'changed' || change.kind === 'added') && !change.secret,
  );
  const back = changed.filter((change) => kept.has(change.key)).length;
  return back
    ? `Reverts the restore: ${back} of ${changed.length} ${changed.length === 1 ? 'setting' : 'settings'}`
    : undefined;
}
