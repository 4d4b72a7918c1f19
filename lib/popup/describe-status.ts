import type { SyncState, WorkspaceStatus } from '../storage';
import { isLocalOnly } from '../sync/is-local-only';

/** What the status header shows for a workspace. */
export interface StatusView {
  state: SyncState;
  /** Exactly "Synced", "Syncing…", "Sync error", "Offline" or "Local only": the header's text starts with it. */
  label: string;
  detail?: string;
  lastSyncedAt?: number;
  waiting: number;
  retryable: boolean;
  /** No Convex configured: backups are kept here only, by choice (offline with Convex is a lost connection). */
  local: boolean;
  /** The link to Options the header offers, when only a setting there can fix what it says. */
  optionsLink: 'Set up sync in Options' | 'Check the access key in Options' | null;
}

const LABELS: Record<SyncState, string> = {
  synced: 'Synced',
  syncing: 'Syncing…',
  error: 'Sync error',
  offline: 'Offline',
};

/**
 * The header of a workspace: its stored status, else offline without Convex settings, else synced. Offline with a
 * reason is a lost network connection: backups wait and are counted.
 */
export function describeStatus(status: WorkspaceStatus | undefined, configured: boolean): StatusView {
  const state: SyncState = status?.state ?? (configured ? 'synced' : 'offline');
  const local = status ? isLocalOnly(status) : !configured;
  const detail = local
    ? 'Backups are kept on this device only (no Convex configured)'
    : state === 'offline'
      ? `${status?.error ?? 'No network connection'}: backups wait on this device and sync when it is back`
      : state === 'error'
        ? (status?.error ?? 'Savepoint could not reach Convex')
        : undefined;
  return {
    state,
    // Without Convex the state is "offline", but the network may be fine: a new user read "Offline" as broken.
    label: local ? 'Local only' : LABELS[state],
    ...(detail ? { detail } : {}),
    ...(status?.lastSyncedAt ? { lastSyncedAt: status.lastSyncedAt } : {}),
    // Without Convex nothing waits for anything (each entry says nothing of syncing either).
    waiting: local ? 0 : (status?.waiting ?? 0) + (status?.quarantined ?? 0),
    retryable: status?.retryable ?? true,
    local,
    optionsLink: local
      ? 'Set up sync in Options'
      : state === 'error' && status?.retryable === false
        ? 'Check the access key in Options'
        : null,
  };
}
