import type { RESTORE_RESULTS } from '../../convex/sharedValues';
import type { Settings } from '../storage';
import { adminCall, type CreateClient } from './admin-call';
import { createConvexClient } from './convex-api';
import { convexAdmin } from './convex-admin-api';

/** How a restore went, as `writes:finishRestore` records it. */
export interface RestoreOutcome {
  result: (typeof RESTORE_RESULTS)[number];
  /** A short report (JSON of field keys and outcomes), at most 20,000 characters. */
  report: string;
}

/** A restore Convex allowed and audited (or a local-only one); `finish` records its outcome. */
export interface AuthorizedRestore {
  /** The audit entry's id in Convex, or null when Savepoint runs without Convex (nothing to record). */
  restoreId: string | null;
  /** Records the outcome on the audit entry; never throws (the restore already ran): false when it failed. */
  finish(outcome: RestoreOutcome): Promise<boolean>;
}

/**
 * Asks Convex to authorise and audit a restore of backup `clientBackupId` BEFORE it runs: call it first and apply
 * nothing unless it resolves. With Convex configured, only an admin key may restore and the audit entry must be
 * written: it throws an `AdminCallRefused` (message for the popup, e.g. "Restoring needs an admin key; this is a
 * capture key", or that Convex could not be reached) otherwise. Without Convex it resolves with `restoreId: null`.
 */
export async function authorizeRestore(
  settings: Settings,
  restore: { workspace: string; clientBackupId: string; device: string },
  createClient: CreateClient = createConvexClient,
): Promise<AuthorizedRestore> {
  const begun = await adminCall(
    settings,
    restore.workspace,
    'Restoring',
    (client, accessKey) =>
      client.action(convexAdmin.beginRestore, {
        accessKey,
        workspace: restore.workspace,
        clientBackupId: restore.clientBackupId,
        device: restore.device,
      }),
    createClient,
  );
  if (begun === null) return { restoreId: null, finish: async () => true };
  const { restoreId } = begun.value;
  return {
    restoreId,
    async finish(outcome) {
      try {
        await adminCall(
          settings,
          restore.workspace,
          'Recording the restore',
          (client, accessKey) =>
            client.action(convexAdmin.finishRestore, {
              accessKey,
              workspace: restore.workspace,
              restoreId,
              ...outcome,
            }),
          createClient,
        );
        return true;
      } catch (error) {
        console.warn('Savepoint: recording how the restore went failed', error);
        return false;
      }
    },
  };
}
