import type { JournalDb } from './open-journal';

/** Every workspace that has backups, by name (one key read per workspace). */
export async function journalWorkspaces(db: JournalDb): Promise<string[]> {
  const found: string[] = [];
  let cursor = await db.transaction('backups').store.index('by_workspace_and_capturedAt').openKeyCursor();
  while (cursor) {
    const workspace = (cursor.key as [string, number])[0];
    found.push(workspace);
    cursor = await cursor.continue([workspace, Infinity]);
  }
  return found;
}
