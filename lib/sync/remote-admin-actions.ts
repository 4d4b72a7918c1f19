import type { Settings } from '../storage';
import { AdminCallRefused, adminCall, type CreateClient } from './admin-call';
import { createConvexClient } from './convex-api';
import { convexAdmin } from './convex-admin-api';

/** Where a backup action took effect besides this device's journal. */
export type RemoteEffect = 'convex' | 'local-only' | 'not-on-server';

async function unlessNotOnServer(work: () => Promise<{ value: null } | null>): Promise<RemoteEffect> {
  try {
    return (await work()) === null ? 'local-only' : 'convex';
  } catch (error) {
    // Only an admin key gets this far (the role is checked first): the backup is still in this device's outbox.
    if (error instanceof AdminCallRefused && error.code === 'NOT_FOUND') return 'not-on-server';
    throw error;
  }
}

/**
 * Pins or unpins a backup in Convex first (admin keys only; audited there). Throws an `AdminCallRefused` whose
 * message the popup shows (a capture key: "Pinning needs an admin key; this is a capture key"); resolves
 * `local-only` without Convex and `not-on-server` for a backup Convex does not have yet.
 */
export function pinRemote(
  settings: Settings,
  backup: { workspace: string; clientBackupId: string; pinned: boolean; device: string },
  createClient: CreateClient = createConvexClient,
): Promise<RemoteEffect> {
  return unlessNotOnServer(() =>
    adminCall(
      settings,
      backup.workspace,
      'Pinning',
      (client, accessKey) =>
        client.action(convexAdmin.setPinned, {
          accessKey,
          workspace: backup.workspace,
          clientBackupId: backup.clientBackupId,
          pinned: backup.pinned,
          device: backup.device,
        }),
      createClient,
    ),
  );
}

/** Deletes a backup in Convex first (admin keys only; audited there); refusals and results as for `pinRemote`. */
export function deleteRemote(
  settings: Settings,
  backup: { workspace: string; clientBackupId: string; device: string },
  createClient: CreateClient = createConvexClient,
): Promise<RemoteEffect> {
  return unlessNotOnServer(() =>
    adminCall(
      settings,
      backup.workspace,
      'Deleting a backup',
      (client, accessKey) =>
        client.action(convexAdmin.deleteBackup, {
          accessKey,
          workspace: backup.workspace,
          clientBackupId: backup.clientBackupId,
          device: backup.device,
        }),
      createClient,
    ),
  );
}

/**
 * Sets how many backups per section a workspace keeps, in Convex, for every device (admin keys only; audited
 * there). Throws an `AdminCallRefused` with the popup's text when refused or when Savepoint runs without Convex.
 */
export async function setRetentionRemote(
  settings: Settings,
  change: { workspace: string; retention: number; device: string },
  createClient: CreateClient = createConvexClient,
): Promise<void> {
  const done = await adminCall(
    settings,
    change.workspace,
    'Changing the retention',
    (client, accessKey) =>
      client.action(convexAdmin.setRetention, {
        accessKey,
        workspace: change.workspace,
        retention: change.retention,
        device: change.device,
      }),
    createClient,
  );
  if (done === null) {
    throw new AdminCallRefused(
      'A workspace retention lives in Convex: connect a Convex deployment first',
      null,
    );
  }
}
