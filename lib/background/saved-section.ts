import type { Snapshot } from '../capture/snapshot';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';

/**
 * The section as this browser last saw the dashboard save it: its newest backup made here of a save (a pulled or
 * imported one is its writer's word; "Capture now" reads the page, which may show an edit not saved), or null.
 */
export async function savedSection(
  journal: Pick<Journal, 'newestOfSection' | 'snapshotOf'>,
  workspace: string,
  type: string,
): Promise<Snapshot | null> {
  const [newest] = await journal.newestOfSection(
    workspace,
    type,
    1,
    (record) => madeHere(record) && (record.source === 'auto' || record.source === 'restore'),
  );
  return newest ? ((await journal.snapshotOf(newest)) ?? null) : null;
}
