import type { Snapshot } from '../capture/snapshot';
import { createSerialQueue } from '../create-serial-queue';
import type { Journal } from '../journal/create-journal';
import { writeDrift, type Drift } from '../storage';
import { clearDriftSection } from './clear-drift';
import { measureDrift } from './measure-drift';

/** What a watched page shows against its backups, kept in storage for the popup and the badge. */
export interface DriftKeeper {
  /** Measures what a page of `workspace` shows against the latest backup of each of its sections, and stores it. */
  measure(workspace: string, shown: Snapshot[]): Promise<Drift>;
  /** A section was just backed up: it no longer counts as changed. */
  clearSection(workspace: string, type: string): Promise<void>;
}

/**
 * Measures and clears one after the other. A page's drift check can read a section's latest backup just before a
 * save's backup lands; were the clear that follows that backup to run before the check wrote what it found, the
 * popup would say the page changed since its last backup when it had not. A clear always comes after its backup is
 * in the journal, so queued behind any check under way it removes what that check found against the older backup.
 */
export function createDriftKeeper(journal: Journal, now: () => number = Date.now): DriftKeeper {
  const queue = createSerialQueue();
  return {
    measure: (workspace, shown) =>
      queue(async () => {
        const drift = await measureDrift(journal, workspace, shown, now());
        await writeDrift(workspace, drift);
        return drift;
      }),
    clearSection: (workspace, type) => queue(() => clearDriftSection(workspace, type)),
  };
}
