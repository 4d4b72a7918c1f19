import type { Snapshot } from '../capture/snapshot';
import type { Journal } from '../journal/create-journal';
import { loadedSection } from './collect-snapshots';
import { savedBackup } from './saved-backup';

/**
 * What the dashboard holds of the section a page shows (`shown`, from collectSnapshots), as far as this browser
 * knows: the section as that page loaded it or last saved it, which has a teammate's save made since this browser's
 * own; else, when the page could not say (its form opened after it loaded and nothing focused it since), the
 * section's newest save made here (savedBackup). An edit on the page is what differs from it.
 */
export async function heldSection(
  journal: Pick<Journal, 'newestOfSection' | 'snapshotOf'>,
  shown: Snapshot,
  workspace: string,
  type: string,
): Promise<Snapshot | null> {
  return loadedSection(shown) ?? (await savedBackup(journal, workspace, type))?.snapshot ?? null;
}
