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
  // An error's reason goes with it; "offline" keeps the reason it is given (no network), else none.
  if (change.state !== 'error') {
    if (change.error === undefined) delete next.error;
    next.retryable = true;
  }
  await writeStatus(workspace, next);
  return next;
}
