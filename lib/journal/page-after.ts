import { lastValues } from './last-values';

/**
 * The `limit` backups of `workspace` listed after `after` in the `by_workspace_and_capturedAt` index (newest first;
 * backups of the same millisecond in descending id order), in two requests where the browser can, else null. A
 * cursor paid a round trip per backup: reading 10,000 in pages took ~150 ms of the popup's thread after its first
 * screen.
 */
export async function pageAfter<T extends { id: string }>(
  index: IDBIndex,
  workspace: string,
  limit: number,
  after: { capturedAt: number; id: string },
): Promise<T[] | null> {
  const sameTime = await lastValues<T>(index, IDBKeyRange.only([workspace, after.capturedAt]));
  if (!sameTime) return null;
  const tied = sameTime.filter((record) => record.id < after.id).slice(0, limit);
  if (tied.length === limit) return tied;
  const older = IDBKeyRange.bound([workspace, -Infinity], [workspace, after.capturedAt], false, true);
  return tied.concat((await lastValues<T>(index, older, limit - tied.length)) ?? []);
}
