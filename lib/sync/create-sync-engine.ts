import type { ConvexHttpClient } from 'convex/browser';
import { withoutBidiControls } from '../capture/clean-text';
import { pruneSlack } from '../journal/prune-slack';
import type { BackupHold } from '../journal/create-backup-hold';
import type { Journal } from '../journal/create-journal';
import type { BackupRecord } from '../journal/backup-record';
import { isQuotaError } from '../journal/is-quota-error';
import type { HeldBackup, Settings } from '../storage';
import { sendBackup } from './send-backup';
import { settleHeld } from './settle-held';
import { backoffDelay, QUARANTINE_AFTER } from './backoff';
import { accessKeyFor } from './access-key-for';
import { classifyError } from './classify-error';
import { convexFunctions } from './convex-api';
import { pullRemoteBackups } from './pull-remote-backups';
import { pullWorkspaceChanges } from './pull-workspace-changes';
import { NO_NETWORK, offlineWorkspaces } from './offline-workspaces';
import { setWorkspaceStatus } from './status-store';
import { readStatuses, readWorkspaceFacts } from '../storage';

/** How many due backups one drain pass sends before looking again. */
const BATCH = 25;

export interface SyncDeps {
  journal: Journal;
  readSettings: () => Promise<Settings>;
  createClient: (url: string) => ConvexHttpClient;
  now?: () => number;
  random?: () => number;
  /** Asks to be woken at `at` (ms since epoch) to retry; the background maps it to an alarm. */
  scheduleRetry: (at: number) => void;
  /** Called after every change of outbox or status (badge). */
  onChange: () => void;
  /** Device name recorded with each backup. */
  device: () => Promise<string>;
  /** Backups held outside the journal while storage was full: moved in when there is room, sent directly if not. */
  hold: BackupHold;
  /** Told how many backups are still held after each pass. */
  noteStorage: (change: { held: number }) => Promise<unknown>;
  /** Whether the browser has a network connection (`navigator.onLine`); without one nothing is tried. */
  isOnline?: () => boolean;
}

/** Status text while the journal cannot take writes. */
const STORAGE_FULL = 'Storage is full on this device';

/** The outbox drainer: sends pending backups to Convex exactly once each, with retries and per-workspace status. */
export function createSyncEngine(deps: SyncDeps) {
  const now = deps.now ?? Date.now;
  const isOnline = deps.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  let running: Promise<void> | null = null;
  let again = false;
  let forced = false;

  async function countsFor(workspace: string) {
    const pending = (await deps.journal.pending()).filter((r) => r.workspace === workspace).length;
    const quarantined = (await deps.journal.quarantined()).filter((r) => r.workspace === workspace).length;
    return { waiting: pending, quarantined };
  }

  async function sendOne(client: ConvexHttpClient, settings: Settings, record: BackupRecord, device: string) {
    const snapshot = await deps.journal.snapshotOf(record);
    if (!snapshot) throw new Error('The snapshot body is missing from the journal');
    return sendBackup(client, settings, record, JSON.stringify(snapshot), device);
  }

  /** Held backups: into the journal when there is room, else straight to Convex; storage health follows. */
  async function settle(client: ConvexHttpClient | null, settings: Settings, device: string) {
    const { before, after } = await settleHeld({
      hold: deps.hold,
      journal: deps.journal,
      now,
      ...(client
        ? {
            push: async (entry: HeldBackup) => {
              const outgoing = { ...entry, type: entry.snapshot.type };
              await sendBackup(client, settings, outgoing, JSON.stringify(entry.snapshot), device);
              // In Convex now, and it will not be sent again: the workspace is synced as far as this backup goes.
              await setWorkspaceStatus(
                entry.workspace,
                { state: 'synced', lastSyncedAt: now(), ...(await countsFor(entry.workspace)) },
                now(),
              );
            },
          }
        : {}),
      async pushFailed(entry, error) {
        // The workspace says why, and the next pass (a retry or the alarm) sends it.
        const failure = classifyError(error);
        await setWorkspaceStatus(entry.workspace, {
          state: 'error',
          error: failure.message,
          retryable: failure.kind !== 'auth',
        });
        if (failure.kind === 'transient') deps.scheduleRetry(now() + backoffDelay(1, deps.random));
      },
    });
    await deps.noteStorage({ held: after });
    if (after !== before) deps.onChange();
  }

  const offline = offlineWorkspaces({ journal: deps.journal, now, countsFor });

  async function drainOnce(force: boolean): Promise<void> {
    const settings = await deps.readSettings();
    const device = await deps.device();
    const client = settings.convexUrl ? deps.createClient(settings.convexUrl) : null;
    // Offline, held backups wait for the network like the rest (each push would fail and retry seconds later).
    await settle(isOnline() ? client : null, settings, device).catch((error: unknown) =>
      console.warn('Savepoint: settling held backups failed', error),
    );
    if (!client) return offline.mark();
    // Each try would fail and push the next one further back: wait for the network (the sync alarm and the popup
    // opening look again).
    if (!isOnline()) {
      await offline.mark(NO_NETWORK);
      return deps.onChange();
    }
    const wasOffline = await offline.leave();
    // A rejected key stays rejected until the user changes the settings or presses Retry.
    const statuses = force ? {} : await readStatuses();
    const blocked = new Set(
      Object.entries(statuses)
        .filter(([, status]) => status.state === 'error' && !status.retryable)
        .map(([workspace]) => workspace),
    );
    const succeeded = new Set<string>();
    const touched = new Set<string>();
    for (;;) {
      const due = (await deps.journal.due(now(), BATCH)).filter((r) => !blocked.has(r.workspace));
      if (due.length === 0) break;
      for (const record of due) {
        if (blocked.has(record.workspace)) continue;
        if (!touched.has(record.workspace)) {
          touched.add(record.workspace);
          await setWorkspaceStatus(record.workspace, {
            state: 'syncing',
            ...(await countsFor(record.workspace)),
          });
          deps.onChange();
        }
        try {
          const result = await sendOne(client, settings, record, device);
          await deps.journal.update(record.id, (r) => {
            const { lastError: _dropped, ...rest } = r;
            return {
              ...rest,
              outbox: 'synced',
              serverId: String(result.id),
              syncedAt: now(),
              // The label an admin gave the key is shown in the history: without bidi controls.
              ...(result.keyLabel ? { keyLabel: withoutBidiControls(result.keyLabel) } : {}),
            };
          });
          succeeded.add(record.workspace);
        } catch (error) {
          if (isQuotaError(error)) {
            // The journal cannot even note the result: stop here, say so, and retry later (Convex deduplicates).
            blocked.add(record.workspace);
            await setWorkspaceStatus(record.workspace, {
              state: 'error',
              error: STORAGE_FULL,
              retryable: true,
              ...(await countsFor(record.workspace)),
            });
            deps.scheduleRetry(now() + backoffDelay(record.attempts + 1, deps.random));
            await reportError(client, settings, record.workspace, STORAGE_FULL);
            continue;
          }
          const failure = classifyError(error);
          const attempts = record.attempts + 1;
          const quarantine = failure.kind === 'invalid' && attempts >= QUARANTINE_AFTER;
          const delay = failure.kind === 'auth' ? 0 : backoffDelay(attempts, deps.random);
          await deps.journal.update(record.id, (r) => ({
            ...r,
            attempts,
            lastError: failure.message,
            outbox: quarantine ? 'quarantined' : 'pending',
            nextAttemptAt: failure.kind === 'auth' ? r.nextAttemptAt : now() + delay,
          }));
          if (failure.kind !== 'invalid') {
            blocked.add(record.workspace);
            const lost = failure.kind === 'transient' && failure.network === true && !isOnline();
            await setWorkspaceStatus(record.workspace, {
              state: lost ? 'offline' : 'error',
              error: lost ? NO_NETWORK : failure.message,
              retryable: failure.kind !== 'auth',
              ...(await countsFor(record.workspace)),
            });
            if (failure.kind === 'transient') deps.scheduleRetry(now() + delay);
            else await reportError(client, settings, record.workspace, failure.message);
          }
        }
      }
    }
    for (const workspace of wasOffline) touched.add(workspace);
    for (const workspace of touched) {
      if (blocked.has(workspace)) continue;
      const counts = await countsFor(workspace);
      // Convex is reachable and refused some backups: its per-workspace status says so too (admins look there).
      if (counts.quarantined > 0) {
        await reportError(client, settings, workspace, `${counts.quarantined} backup(s) refused by Convex`);
      }
      await setWorkspaceStatus(workspace, {
        state: counts.quarantined > 0 ? 'error' : 'synced',
        ...(counts.quarantined > 0
          ? { error: `${counts.quarantined} backup(s) refused by Convex`, retryable: true }
          : {}),
        ...(succeeded.has(workspace) ? { lastSyncedAt: now() } : {}),
        ...counts,
      });
      await pullWorkspace(client, settings, workspace).catch((error: unknown) =>
        console.warn('Savepoint: pulling from other devices failed', error),
      );
    }
    deps.onChange();
  }

  /**
   * Brings a workspace up to date with other devices: their new backups, then what admins changed (pins, deletes,
   * retention), then this device's retention for the workspace. Returns how many backups here were added or changed.
   */
  async function pullWorkspace(client: ConvexHttpClient, settings: Settings, workspace: string) {
    const added = await pullRemoteBackups({ client, settings, journal: deps.journal, workspace });
    const changed = await pullWorkspaceChanges({ client, settings, journal: deps.journal, workspace, now });
    const retention = (await readWorkspaceFacts())[workspace]?.retention;
    let pruned = 0;
    if (retention !== undefined) {
      const sections = new Set((await deps.journal.list(workspace)).map((record) => record.type));
      for (const type of sections)
        pruned += await deps.journal.prune(workspace, type, retention, pruneSlack(retention));
    }
    return added + changed + pruned;
  }

  async function reportError(client: ConvexHttpClient, settings: Settings, workspace: string, error: string) {
    await client
      .action(convexFunctions.markSyncError, {
        accessKey: accessKeyFor(settings, workspace),
        workspace,
        error,
      })
      .catch(() => undefined);
  }

  return {
    /** Brings a workspace up to date with other devices (when the popup opens); returns how many backups changed. */
    async pull(workspace: string): Promise<number> {
      const settings = await deps.readSettings();
      if (!settings.convexUrl || !accessKeyFor(settings, workspace) || !isOnline()) return 0;
      const changed = await pullWorkspace(deps.createClient(settings.convexUrl), settings, workspace);
      if (changed > 0) deps.onChange();
      return changed;
    },

    /**
     * Brings every workspace this device knows (it has backups of, or a key for) up to date with other devices: the
     * background's alarm calls it, so a history is fresh before anyone opens the popup. A failure of one workspace
     * does not stop the others.
     */
    async pullAll(): Promise<number> {
      const settings = await deps.readSettings();
      // Without a network each workspace's pull would only fail (and warn, every minute).
      if (!settings.convexUrl || !isOnline()) return 0;
      const client = deps.createClient(settings.convexUrl);
      const known = new Set([
        ...(await deps.journal.workspaces()),
        ...settings.workspaceKeys.map((entry) => entry.workspace),
      ]);
      let changed = 0;
      for (const workspace of known) {
        if (!accessKeyFor(settings, workspace)) continue;
        changed += await pullWorkspace(client, settings, workspace).catch((error: unknown) => {
          console.warn(`Savepoint: pulling ${workspace} from other devices failed`, error);
          return 0;
        });
      }
      if (changed > 0) deps.onChange();
      return changed;
    },

    /** Sends every due backup; concurrent calls coalesce into one more pass. `force` retries a rejected key too. */
    drain(force = false): Promise<void> {
      if (force) forced = true;
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            const useForce = forced;
            forced = false;
            await drainOnce(useForce);
          } while (again);
        } catch (error) {
          console.warn('Savepoint: sync pass failed', error);
        } finally {
          running = null;
        }
      })();
      return running;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
