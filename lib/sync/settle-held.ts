import type { BackupHold } from '../journal/create-backup-hold';
import type { Journal } from '../journal/create-journal';
import { isQuotaError } from '../journal/is-quota-error';
import type { HeldBackup } from '../storage';

interface SettleDeps {
  hold: BackupHold;
  journal: Journal;
  /** Sends a held backup to Convex; absent without a Convex deployment. Throws when it could not. */
  push?: (entry: HeldBackup) => Promise<void>;
  /** Told why a push failed; the backup stays held for the next pass. */
  pushFailed: (entry: HeldBackup, error: unknown) => Promise<void>;
  now: () => number;
}

/**
 * Moves held backups into the journal while it has room (in order, as they are: each was judged new when it was
 * made), and sends the rest straight to Convex, once each: the same client id later syncs from the journal without
 * a second copy. Returns how many were held before and how many still are.
 */
export async function settleHeld(deps: SettleDeps): Promise<{ before: number; after: number }> {
  const held = await deps.hold.list();
  if (held.length === 0) return { before: 0, after: 0 };
  for (const entry of held) {
    try {
      // One outbox: a backup Convex already acknowledged from the hold enters the journal as synced.
      const { pushedAt, ...backup } = entry;
      await deps.journal.record(backup, {
        dedupe: false,
        ...(pushedAt === undefined ? {} : { syncedAt: pushedAt }),
      });
      await deps.hold.remove(entry.id);
    } catch (error) {
      if (!isQuotaError(error)) console.warn('Savepoint: a held backup could not enter the journal', error);
      break;
    }
  }
  const remaining = await deps.hold.list();
  if (deps.push) {
    for (const entry of remaining.filter((e) => e.pushedAt === undefined)) {
      try {
        await deps.push(entry);
        await deps.hold.markPushed(entry.id, deps.now());
      } catch (error) {
        await deps.pushFailed(entry, error);
        break;
      }
    }
  }
  return { before: held.length, after: remaining.length };
}
