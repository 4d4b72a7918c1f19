import { contentHash } from '../capture/canonical-json';
import type { Snapshot } from '../capture/snapshot';
import type { BackupSource } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import type { InstallInfo, Settings } from '../storage';

/** A backup just recorded, announced to whoever waits for it (restore verification). */
export interface Recorded {
  id: string;
  workspace: string;
  tabId?: number;
  snapshot: Snapshot;
}

interface Deps {
  journal: Journal;
  readSettings: () => Promise<Settings>;
  readInstall: () => Promise<InstallInfo>;
  /** Called after a backup of a section was added: sync it right away. */
  afterRecord: (workspace: string, type: string) => void;
  /** Frees space when storage is short; returns how many backups it removed. */
  freeSpace: () => Promise<number>;
  now?: () => number;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** Turns accepted saves into journal backups (deduplicated, pruned) and lets restores wait for them. */
export function createCaptureService(deps: Deps) {
  const now = deps.now ?? Date.now;
  const waiters = new Set<{ match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }>();
  /** Tabs being restored: their next save of a section is recorded as a restore. */
  const restoring = new Map<string, number>();

  async function recordOnce(input: Parameters<Journal['record']>[0]) {
    try {
      return await deps.journal.record(input);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      // Storage is short: drop the oldest backups that are safe on the server, then try once more.
      if ((await deps.freeSpace()) === 0) {
        throw new Error('Storage is full and nothing can be pruned safely', { cause: error });
      }
      return deps.journal.record(input);
    }
  }

  return {
    async record(
      snapshot: Snapshot,
      workspace: string,
      source: BackupSource,
      extra: { label?: string; note?: string; tabId?: number } = {},
    ) {
      const key = `${extra.tabId}:${workspace}:${snapshot.type}`;
      const effectiveSource = source === 'auto' && restoring.has(key) ? 'restore' : source;
      const install = await deps.readInstall();
      const result = await recordOnce({
        id: crypto.randomUUID(),
        workspace,
        snapshot,
        contentHash: await contentHash(snapshot),
        source: effectiveSource,
        capturedAt: now(),
        device: install.deviceName,
        ...(extra.label ? { label: extra.label } : {}),
        ...(extra.note ? { note: extra.note } : {}),
      });
      if (result.added) {
        const settings = await deps.readSettings();
        await deps.journal.prune(workspace, snapshot.type, settings.retentionPerSection);
        deps.afterRecord(workspace, snapshot.type);
      }
      const recorded: Recorded = {
        id: result.record.id,
        workspace,
        snapshot,
        ...(extra.tabId ? { tabId: extra.tabId } : {}),
      };
      for (const waiter of waiters) {
        if (waiter.match(recorded)) {
          waiters.delete(waiter);
          waiter.resolve(recorded);
        }
      }
      return result;
    },

    /** Marks a tab's section as being restored, so its next accepted save is recorded with source `restore`. */
    markRestoring(tabId: number, workspace: string, type: string, active: boolean) {
      const key = `${tabId}:${workspace}:${type}`;
      if (active) restoring.set(key, now());
      else restoring.delete(key);
    },

    /** Resolves with the next capture of a section in a tab, or null after `timeout` ms. */
    waitForCapture(
      tabId: number,
      workspace: string,
      type: string,
      timeout: number,
    ): Promise<Recorded | null> {
      return new Promise((resolve) => {
        const waiter = {
          match: (r: Recorded) => r.tabId === tabId && r.workspace === workspace && r.snapshot.type === type,
          resolve: (r: Recorded | null) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          resolve(null);
        }, timeout);
        waiters.add(waiter);
      });
    },
  };
}

export type CaptureService = ReturnType<typeof createCaptureService>;
