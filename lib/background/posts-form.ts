import type { Snapshot } from '../capture/snapshot';
import type { Journal } from '../journal/create-journal';
import { savedBackup } from './saved-backup';

/**
 * Whether the page saves the section by posting its form (DokuWiki's): as this backup's save did, or, for a backup
 * read from the page ("Capture now", a "Before restore" entry), as the section's newest save here did. A restore
 * fills such a form on its page loaded again.
 */
export async function postsForm(
  journal: Pick<Journal, 'newestOfSection' | 'snapshotOf'>,
  workspace: string,
  snapshot: Snapshot,
): Promise<boolean> {
  return (
    snapshot.trigger.kind === 'form' ||
    (await savedBackup(journal, workspace, snapshot.type))?.snapshot.trigger.kind === 'form'
  );
}
