import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';

/** This browser's own backups of a section looked through for the page they were captured on, newest first. */
const LOOK_BACK = 50;

/**
 * The page a restore of a backup this browser did not make (pulled, imported) may open: `named`, the page the
 * backup names, when one of this browser's own backups of the section was captured on it; else the page of the
 * newest of them; null when there is none. The page a backup names is data: any capture key of the workspace, or
 * a crafted bundle, could name any address its watched pattern covers, to be opened with the admin's session.
 */
export async function ownPageOf(
  journal: Pick<Journal, 'newestOfSection' | 'snapshotOf'>,
  workspace: string,
  type: string,
  named: string,
): Promise<string | null> {
  const own = await journal.newestOfSection(workspace, type, LOOK_BACK, madeHere);
  let newest: string | null = null;
  for (const record of own) {
    const pageUrl = (await journal.snapshotOf(record).catch(() => null))?.pageUrl;
    if (pageUrl === undefined) continue;
    if (pageUrl === named) return named;
    newest ??= pageUrl;
  }
  return newest;
}
