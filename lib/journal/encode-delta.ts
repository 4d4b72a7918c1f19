import { applyPlan, type DeltaPlan } from './body-writes';
import type { JournalDb } from './open-journal';

/** Rewrites a whole body as a delta, as planned; a failure keeps the body whole, which is only more space. */
export async function encodeDelta(db: JournalDb, plan: DeltaPlan): Promise<void> {
  const tx = db.transaction('bodies', 'readwrite');
  try {
    await applyPlan(tx.store, plan);
    await tx.done;
  } catch (error) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted by the request that failed.
    }
    console.warn('Savepoint: could not store the previous backup as a delta', error);
  }
}
