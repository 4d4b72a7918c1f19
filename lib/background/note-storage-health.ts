import { DAY } from '../time';
import { readStorageHealth, writeStorageHealth, type StorageHealth } from '../storage';

/**
 * Records how storage is doing after a write: `held` backups wait outside the journal (full), `pruned` old backups
 * were just removed to make room (short). A short warning stays until the popup has had a day to show it.
 */
export async function noteStorageHealth(
  change: { held: number; pruned?: number },
  now: number = Date.now(),
): Promise<StorageHealth> {
  const previous = await readStorageHealth();
  const stale = previous.state === 'ok' || (previous.state === 'short' && now - previous.at > DAY);
  const pruned = (change.pruned ?? 0) + (stale ? 0 : previous.pruned);
  const next: StorageHealth =
    change.held > 0
      ? { state: 'full', held: change.held, pruned, at: previous.state === 'full' ? previous.at : now }
      : pruned > 0
        ? { state: 'short', held: 0, pruned, at: change.pruned ? now : previous.at }
        : { state: 'ok', held: 0, pruned: 0, at: now };
  if (next.state !== previous.state || next.held !== previous.held || next.pruned !== previous.pruned) {
    await writeStorageHealth(next).catch(() => undefined);
  }
  return next;
}
