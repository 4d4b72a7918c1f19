import { contentHash } from '../capture/canonical-json';
import type { Snapshot } from '../capture/snapshot';
import type { BackupSource } from '../journal/backup-record';
import type { BackupHold } from '../journal/create-backup-hold';
import type { Journal, NewBackup, RecordResult } from '../journal/create-journal';
import { sectionKey } from '../journal/section-key';
import { isQuotaError } from '../journal/is-quota-error';
import { labelAndNote } from '../journal/label-and-note';
import { countChanges } from '../diff/diff-snapshots';
import { pruneSlack } from '../journal/prune-slack';
import { revertedRestore } from './reverted-restore';
import { newBackupRecord } from '../journal/new-backup-record';
import type { InstallInfo, Settings } from '../storage';
import { readWorkspaceFacts } from '../storage';
import { savedBackup } from './saved-backup';

/**
 * (ms) a refused request to a restore's save address waits this long for another one before it ends the restore:
 * a page script's own request, refused at once while the form is filled, may come before the restore's save.
 */
export const REFUSAL_GRACE = 500;

/** A backup just recorded, announced to whoever waits for it (restore verification). */
export interface Recorded {
  id: string;
  workspace: string;
  tabId?: number;
  snapshot: Snapshot;
  /** The "Before restore" entry recorded just before this restore's capture (see `markRestoring`). */
  beforeId?: string;
  /** A posted form the server answered with a redirect: the page that follows reads what it holds. */
  redirected?: boolean;
}

/** What a restore waiting for its save hears: the save's capture, or the status the dashboard refused it with. */
export type SaveOutcome = Recorded | { refused: number };

/** The request a section's save is: its method and address (a save's query string may change, its path not). */
export interface SaveRequest {
  method: string;
  url: string;
}

function isSaveRequest(save: SaveRequest, method: string, url: string): boolean {
  if (save.method.toUpperCase() !== method.toUpperCase()) return false;
  try {
    const [a, b] = [new URL(save.url), new URL(url)];
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** The section as it was before a restore, recorded only once the restore's save is accepted. */
interface BeforeRestore {
  snapshot: Snapshot;
  label: string;
}

interface Deps {
  journal: Journal;
  readSettings: () => Promise<Settings>;
  readInstall: () => Promise<InstallInfo>;
  /** Called after a backup of a section was added: sync it right away; settles when that sync pass is over. */
  afterRecord: (workspace: string, type: string) => Promise<unknown>;
  /** Frees space when storage is short; returns how many backups it removed. */
  freeSpace: () => Promise<number>;
  /** Where a backup waits (and is sent to Convex from) when the journal has no room even after pruning. */
  hold: BackupHold;
  /** Told how storage is doing after pruning or holding. */
  noteStorage: (change: { held: number; pruned?: number }) => Promise<unknown>;
  now?: () => number;
}

/** Turns accepted saves into journal backups (deduplicated, pruned) and lets restores wait for them. */
export function createCaptureService(deps: Deps) {
  const now = deps.now ?? Date.now;
  // Each backup recorded here is captured at least a millisecond after the one before: the history lists them by
  // capture time, so a restore's entry comes above its "Before restore" entry even when both fall in one millisecond.
  let lastCapturedAt = 0;
  const captureTime = () => (lastCapturedAt = Math.max(now(), lastCapturedAt + 1));
  const waiters = new Set<{
    match: (r: Pick<Recorded, 'tabId' | 'workspace'> & { type: string }) => boolean;
    resolve: (r: SaveOutcome) => void;
  }>();
  /** Tabs being restored: their next save of a section is recorded as a restore, after the section's "before". */
  const restoring = new Map<
    string,
    {
      at: number;
      tabId: number;
      workspace: string;
      type: string;
      before?: BeforeRestore;
      save?: SaveRequest;
      /** Requests to the save's address the tab sent since the restore began, by `webRequest` id: true if refused. */
      sent: Map<string, boolean>;
      /** The last of them refused: its status is the one the restore hears. */
      last?: string;
    }
  >();

  /** Resolves whoever waits for a tab's save of a section. */
  function announce(about: Pick<Recorded, 'tabId' | 'workspace'> & { type: string }, outcome: SaveOutcome) {
    for (const waiter of waiters) {
      if (waiter.match(about)) {
        waiters.delete(waiter);
        waiter.resolve(outcome);
      }
    }
  }

  function takeBefore(key: string): BeforeRestore | undefined {
    const entry = restoring.get(key);
    if (!entry?.before) return undefined;
    const { before } = entry;
    delete entry.before;
    return before;
  }

  /**
   * Records a backup; when storage is full, frees the oldest backups already safe in Convex and tries again, and
   * when there is still no room, holds it outside the journal (sent to Convex from there). Never drops a backup.
   */
  async function recordOnce(input: NewBackup): Promise<RecordResult & { held?: boolean }> {
    // While a section has backups held aside, its new saves queue behind them (and are compared with the newest
    // of them, not with an older one in the journal): the order and every change are kept.
    const heldBefore = await deps.hold.latestOf(input.workspace, input.snapshot.type);
    if (heldBefore) return hold(input, 0);
    try {
      return await deps.journal.record(input);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
    }
    const pruned = await deps.freeSpace().catch(() => 0);
    if (pruned > 0) {
      try {
        const result = await deps.journal.record(input);
        await deps.noteStorage({ held: (await deps.hold.list()).length, pruned });
        return result;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
      }
    }
    return hold(input, pruned);
  }

  /** Sections whose prune waits for a sync pass: saves in a burst share one. */
  const prunesDue = new Set<string>();

  function pruneAfter(sent: Promise<unknown>, workspace: string, type: string): void {
    const section = sectionKey(workspace, type);
    if (prunesDue.has(section)) return;
    prunesDue.add(section);
    // A sync pass never rejects; were one to, the section must still be pruned.
    void Promise.resolve(sent)
      .catch(() => undefined)
      .then(() => {
        // From here on a new save schedules its own prune: this one may have read the section before it.
        prunesDue.delete(section);
        return prune(workspace, type);
      });
  }

  /** Applies the section's retention; a prune that fails (storage full) must not fail anything else. */
  async function prune(workspace: string, type: string): Promise<void> {
    try {
      const settings = await deps.readSettings();
      // The workspace's admins may have set its retention in Convex; it then applies on every device.
      const keep = (await readWorkspaceFacts())[workspace]?.retention ?? settings.retentionPerSection;
      await deps.journal.prune(workspace, type, keep, pruneSlack(keep));
    } catch (error) {
      console.warn('Savepoint: pruning old backups failed', error);
    }
  }

  async function hold(input: NewBackup, pruned: number): Promise<RecordResult & { held: true }> {
    const added = await deps.hold.add({ ...input });
    await deps.noteStorage({ held: (await deps.hold.list()).length, pruned });
    if (added)
      console.warn('Savepoint: storage is full; a backup is held aside and sent to Convex from there');
    const size = new TextEncoder().encode(JSON.stringify(input.snapshot)).byteLength;
    return { record: newBackupRecord(input, size, null), added, held: true };
  }

  const service = {
    /**
     * Records what a section held before a restore, for Undo, and returns its id: the section's newest save made here
     * (saved-backup.ts) when its fields hold just that (a "no changes" copy would only crowd the history), else a
     * new entry.
     */
    async recordBefore(before: BeforeRestore, workspace: string): Promise<string> {
      // Field by field: a read of the page or of the dashboard has no request body to hash, a save's capture has.
      const saved = await savedBackup(deps.journal, workspace, before.snapshot.type);
      if (saved && countChanges(saved.snapshot, before.snapshot, { secretsComparable: true }) === 0)
        return saved.record.id;
      return (await service.record(before.snapshot, workspace, 'manual', { label: before.label })).record.id;
    },

    async record(
      snapshot: Snapshot,
      workspace: string,
      source: BackupSource,
      extra: { label?: string; note?: string; tabId?: number; redirected?: boolean } = {},
    ) {
      const key = `${extra.tabId}:${workspace}:${snapshot.type}`;
      const effectiveSource = source === 'auto' && restoring.has(key) ? 'restore' : source;
      // The restore's save was accepted: what the section held before goes into the history first, for Undo.
      const before = effectiveSource === 'restore' ? takeBefore(key) : undefined;
      const beforeId = before ? await service.recordBefore(before, workspace) : undefined;
      const install = await deps.readInstall();
      const result = await recordOnce({
        id: crypto.randomUUID(),
        workspace,
        snapshot,
        contentHash: await contentHash(snapshot),
        source: effectiveSource,
        capturedAt: captureTime(),
        device: install.deviceName,
        ...labelAndNote(extra),
      });
      if (result.added && effectiveSource === 'auto' && !result.held) {
        // A page that still showed the settings from before a restore saved them again: the history says so.
        const label = await revertedRestore(deps.journal, result.record, snapshot).catch(() => undefined);
        if (label) await deps.journal.update(result.record.id, (record) => ({ ...record, label }));
      }
      if (result.added) {
        const sent = deps.afterRecord(workspace, snapshot.type);
        // Retention is housekeeping, done once the sync pass that sends this backup is over: pruning a section at
        // its retention reads all of it (265 ms at 10,000 backups), which held this backup's way to Convex back.
        if (!result.held) pruneAfter(sent, workspace, snapshot.type);
      }
      const recorded: Recorded = {
        id: result.record.id,
        workspace,
        snapshot,
        ...(extra.tabId ? { tabId: extra.tabId } : {}),
        ...(beforeId ? { beforeId } : {}),
        ...(extra.redirected ? { redirected: true } : {}),
      };
      announce({ ...recorded, type: snapshot.type }, recorded);
      return result;
    },

    /**
     * Marks a tab's section as being restored, so its next accepted save is recorded with source `restore`, and
     * `before` (the section as the page showed it) just before it. A save the dashboard refuses changed nothing:
     * no "Before restore" entry is left in the history (`takeBefore` gets it back when the outcome is unknown).
     */
    markRestoring(
      tabId: number,
      workspace: string,
      type: string,
      active: boolean,
      before?: BeforeRestore,
      save?: SaveRequest,
    ) {
      const key = `${tabId}:${workspace}:${type}`;
      if (!active) {
        restoring.delete(key);
        return;
      }
      const known = restoring.get(key);
      const expected = save ?? known?.save;
      restoring.set(key, {
        at: now(),
        tabId,
        workspace,
        type,
        ...(before ? { before } : {}),
        ...(expected ? { save: expected } : {}),
        sent: known?.sent ?? new Map(),
      });
    },

    /**
     * Whether a request to the save's address left the tab since its restore began; undefined when the restore
     * knows no such address (a form post, a backup made elsewhere).
     */
    saveSent(tabId: number, workspace: string, type: string): boolean | undefined {
      const entry = restoring.get(`${tabId}:${workspace}:${type}`);
      return entry?.save ? entry.sent.size > 0 : undefined;
    },

    /** The browser saw a tab send a request: one of a restore's save (its method and address) is noted. */
    requestSent(tabId: number, method: string, url: string, requestId: string) {
      for (const entry of restoring.values()) {
        if (entry.tabId === tabId && entry.save && isSaveRequest(entry.save, method, url))
          entry.sent.set(requestId, false);
      }
    },

    /**
     * The browser saw a tab's request answered with an error status. A restore of that tab hears its save refused
     * when every request to the save's address the tab sent since the restore began, and in `REFUSAL_GRACE` after,
     * was refused: a page script's own request there, refused, must not hide the restore's save going through (and
     * take away Undo).
     */
    requestRefused(tabId: number, requestId: string, status: number) {
      for (const entry of restoring.values()) {
        if (entry.tabId !== tabId || !entry.sent.has(requestId)) continue;
        entry.sent.set(requestId, true);
        entry.last = requestId;
        setTimeout(() => {
          if (entry.last === requestId && [...entry.sent.values()].every(Boolean))
            announce({ tabId, workspace: entry.workspace, type: entry.type }, { refused: status });
        }, REFUSAL_GRACE);
      }
    },

    /** The "before" of a section being restored that was not recorded yet; handed out once. */
    takeBefore(tabId: number, workspace: string, type: string): BeforeRestore | undefined {
      return takeBefore(`${tabId}:${workspace}:${type}`);
    },

    /** A tab's form post of a section was answered with an error status: a restore waiting for it hears so. */
    refused(tabId: number, workspace: string, type: string, status: number) {
      announce({ tabId, workspace, type }, { refused: status });
    },

    /** Resolves with the next capture of a section in a tab, its refusal, or null after `timeout` ms. */
    waitForCapture(
      tabId: number,
      workspace: string,
      type: string,
      timeout: number,
    ): Promise<SaveOutcome | null> {
      return new Promise((resolve) => {
        const waiter = {
          match: (r: Pick<Recorded, 'tabId' | 'workspace'> & { type: string }) =>
            r.tabId === tabId && r.workspace === workspace && r.type === type,
          resolve: (r: SaveOutcome | null) => {
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
  return service;
}

export type CaptureService = ReturnType<typeof createCaptureService>;
