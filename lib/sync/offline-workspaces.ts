import type { Journal } from '../journal/create-journal';
import { readStatuses } from '../storage';
import { setWorkspaceStatus } from './status-store';

/** Status reason while the browser has no network connection. */
export const NO_NETWORK = 'No network connection';

interface Deps {
  journal: Journal;
  now: () => number;
  /** A workspace's backups waiting and refused, as its status counts them. */
  countsFor: (workspace: string) => Promise<{ waiting: number; quarantined: number }>;
}

/**
 * The sync engine's "offline" statuses: without Convex (kept here by choice) or without a network (`NO_NETWORK`),
 * and the way back once the network returns or Convex is set up.
 */
export function offlineWorkspaces({ journal, now, countsFor }: Deps) {
  return {
    /**
     * Every workspace with backups waiting says it is offline, and why. So does a workspace already offline for the
     * other reason with nothing waiting now (its backup removed as not a save): else it would keep saying "no
     * network" without Convex, or "set up sync" with it. A rejected key stays the thing to fix: the network coming
     * back will not, nor is the key tried again then.
     */
    async mark(reason?: typeof NO_NETWORK): Promise<void> {
      const statuses = await readStatuses();
      const workspaces = new Set([
        ...(await journal.pending()).map((r) => r.workspace),
        ...Object.keys(statuses).filter((workspace) => statuses[workspace]?.state === 'offline'),
      ]);
      for (const workspace of workspaces) {
        const status = statuses[workspace];
        if (reason && status?.state === 'error' && !status.retryable) continue;
        await setWorkspaceStatus(
          workspace,
          { state: 'offline', ...(reason ? { error: reason } : {}), ...(await countsFor(workspace)) },
          now(),
        );
      }
    },

    /**
     * The network is back (or Convex is set up): what waited goes now, not after the backoff of a try that failed
     * for want of the network. Returns the workspaces that were offline: each leaves "Offline" after this pass, also
     * one with nothing left to send.
     */
    async leave(): Promise<Set<string>> {
      const statuses = await readStatuses();
      const offline = new Set(
        Object.keys(statuses).filter((workspace) => statuses[workspace]?.state === 'offline'),
      );
      for (const record of await journal.pending()) {
        if (!offline.has(record.workspace) || record.nextAttemptAt <= now()) continue;
        await journal
          .update(record.id, (r) => ({ ...r, nextAttemptAt: now() }))
          .catch((error: unknown) =>
            console.warn('Savepoint: could not make a waiting backup due now', error),
          );
      }
      return offline;
    },
  };
}
