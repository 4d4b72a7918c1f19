import type { Snapshot } from '../capture/snapshot';
import { readChain, rebuildChecked } from './body-chain';
import type { JournalDb } from './open-journal';

/**
 * The snapshot stored under a content hash, rebuilt from its deltas when it is not the newest of its section;
 * null when there is none. Throws a `SnapshotRebuildError` when it cannot be rebuilt exactly.
 */
export async function readSnapshot(db: JournalDb, hash: string): Promise<Snapshot | null> {
  const tx = db.transaction('bodies');
  const chain = await readChain(tx.store, hash);
  await tx.done;
  return chain ? (JSON.parse(await rebuildChecked(chain)) as Snapshot) : null;
}
