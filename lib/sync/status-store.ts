import { readStatuses, writeStatus, type WorkspaceStatus } from '../storage';

/** Writes one workspace's sync status, where the popup and the badge follow it. */
export async function setWorkspaceStatus(
  workspace: string,
  change: Partial<WorkspaceStatus> & Pick<WorkspaceStatus, 'state'>,
  now: number = Date.now(),
): Promise<WorkspaceStatus> {
  const all = await readStatuses();
  const previous = all[workspace];
  const next: WorkspaceStatus = {
    waiting: 0,
    quarantined: 0,
    retryable: true,
    ...previous,
    ...change,
    updatedAt: now,
  };
  if (change.state !== 'error') {
    delete next.error;
    next.retryable = true;
  }
  await writeStatus(workspace, next);
  return next;
}
