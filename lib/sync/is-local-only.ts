import type { WorkspaceStatus } from '../storage';

/**
 * Whether a workspace's status is "offline" because no Convex is set up (backups are kept here by choice), as
 * against offline for want of a network, which the sync engine writes with its reason.
 */
export function isLocalOnly(status: Pick<WorkspaceStatus, 'state' | 'error'>): boolean {
  return status.state === 'offline' && status.error === undefined;
}
