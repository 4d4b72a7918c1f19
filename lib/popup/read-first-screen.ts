import { MAX_RETENTION } from '../../convex/sharedLimits';
import { ROLES, SYNC_STATES } from '../../convex/sharedValues';
import { journalWorkspaces } from '../journal/journal-workspaces';
import { newestBackups } from '../journal/newest-backups';
import { openJournal, type JournalDb } from '../journal/open-journal';
import type { WorkspaceFacts, WorkspaceStatus } from '../storage';
import { readUnchecked } from '../storage-keys';
import { findDashboard } from '../watch/find-dashboard';
import { adminRefusal } from './describe-author';
import type { BackupRecord } from '../journal/backup-record';
import { listWorkspaces } from './list-workspaces';
import { readTargetTab } from './target-tab';

/** Backups the React popup reads before the rest of the history: more than fit in the popup. */
export const FIRST_SCREEN = 30;
/**
 * Backups the first screen paints: a few more than fit in the popup's list (~450 px, an entry 60 px or more). Fewer
 * elements lay out sooner (30 entries' layout held the first paint up ~20 ms).
 */
export const FIRST_PAINT = 8;

/** What the popup's first screen shows: the workspace it opens on, its newest backups and its sync status. */
export interface FirstScreen {
  workspace: string;
  /** The workspace's newest backups (up to FIRST_PAINT), newest first. */
  records: BackupRecord[];
  /** Every workspace the popup can show, the opened one first. */
  workspaces: string[];
  status: WorkspaceStatus | undefined;
  /** Convex is set up (a URL and a key). */
  configured: boolean;
  /** Why pin and delete are read-only in this workspace (a capture key), or null. */
  refusal: string | null;
}

type Watched = { pattern: string; workspace?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional(value: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  return value === undefined || typeof value === type;
}

/** A watched dashboard as lib/storage.ts's schema accepts it, or null. */
function watchedOf(entry: unknown): Watched | null {
  if (!isRecord(entry) || typeof entry.pattern !== 'string' || entry.pattern === '') return null;
  const { workspace } = entry;
  if (workspace === undefined) return { pattern: entry.pattern };
  if (typeof workspace !== 'string' || workspace.trim() !== workspace || !workspace || workspace.length > 255)
    return null;
  return { pattern: entry.pattern, workspace };
}

/** A workspace's sync status as lib/storage.ts's schema accepts it (with its defaults), or null. */
function statusOf(entry: unknown): WorkspaceStatus | null {
  if (!isRecord(entry)) return null;
  const { state, error, retryable, lastSyncedAt, waiting, quarantined, updatedAt } = entry;
  const counts = [waiting, quarantined].every((count) => count === undefined || Number.isInteger(count));
  if (
    !SYNC_STATES.includes(state as WorkspaceStatus['state']) ||
    !optional(error, 'string') ||
    !optional(retryable, 'boolean') ||
    !optional(lastSyncedAt, 'number') ||
    !counts ||
    typeof updatedAt !== 'number'
  )
    return null;
  return {
    state: state as WorkspaceStatus['state'],
    ...(typeof error === 'string' ? { error } : {}),
    retryable: retryable !== false,
    ...(typeof lastSyncedAt === 'number' ? { lastSyncedAt } : {}),
    waiting: typeof waiting === 'number' ? waiting : 0,
    quarantined: typeof quarantined === 'number' ? quarantined : 0,
    updatedAt,
  };
}

/** What Convex said of a workspace's key, where lib/storage.ts's schema would keep it, else undefined. */
function factsOf(entry: unknown): Pick<WorkspaceFacts, 'role' | 'keyLabel'> | undefined {
  if (!isRecord(entry)) return undefined;
  const { role, keyLabel, retention, changesAt, checkedAt } = entry;
  const retentionOk =
    retention === undefined ||
    (Number.isInteger(retention) && (retention as number) >= 1 && (retention as number) <= MAX_RETENTION);
  if (
    (role !== undefined && !ROLES.includes(role as WorkspaceFacts['role'] & string)) ||
    !optional(keyLabel, 'string') ||
    !retentionOk ||
    !optional(changesAt, 'number') ||
    typeof checkedAt !== 'number'
  )
    return undefined;
  return {
    ...(role === undefined ? {} : { role: role as WorkspaceFacts['role'] }),
    ...(typeof keyLabel === 'string' ? { keyLabel } : {}),
  };
}

/**
 * The popup's first screen, read without zod or React so that it shows before they have loaded: the same choice of
 * workspace as the React popup (lib/popup/first-reads.ts), its newest backups and its sync status. It only shows
 * what it reads, as text, and acts on nothing. The stored items are checked by hand against what lib/storage.ts's
 * schemas accept; anything they would not accept as it is gives null, and the React popup, which reads them
 * through those schemas, shows the history itself.
 */
export async function readFirstScreen(): Promise<FirstScreen | null> {
  const db = openJournal();
  try {
    return await readWith(await db);
  } finally {
    // The React popup opens a connection of its own; this one would only stand in the way of an upgrade.
    void db.then(
      (opened) => opened.close(),
      () => undefined,
    );
  }
}

async function readWith(db: JournalDb): Promise<FirstScreen | null> {
  const [target, stored, found] = await Promise.all([
    readTargetTab(),
    readUnchecked(['watched', 'statuses', 'settings', 'facts']),
    journalWorkspaces(db),
  ]);
  const rawWatched = stored.watched ?? [];
  const rawStatuses = stored.statuses ?? {};
  const rawSettings = stored.settings;
  const settings: Record<string, unknown> = isRecord(rawSettings) ? rawSettings : {};
  if (!Array.isArray(rawWatched) || !isRecord(rawStatuses)) return null;
  const watched = rawWatched.map(watchedOf);
  const statuses = Object.entries(rawStatuses).map(([name, entry]) => [name, statusOf(entry)] as const);
  if (watched.includes(null) || statuses.some(([, status]) => status === null)) return null;

  const current = target?.url ? (findDashboard(watched as Watched[], target.url)?.workspace ?? null) : null;
  const workspaces = listWorkspaces(
    found,
    statuses.map(([name]) => name),
    current,
  );
  const workspace = workspaces[0];
  if (!workspace) return null;
  return {
    workspace,
    records: await newestBackups(db, workspace, FIRST_PAINT),
    workspaces,
    status: statuses.find(([name]) => name === workspace)?.[1] ?? undefined,
    refusal: adminRefusal(isRecord(stored.facts) ? factsOf(stored.facts[workspace]) : undefined),
    configured:
      typeof settings.convexUrl === 'string' &&
      !!settings.convexUrl &&
      typeof settings.accessKey === 'string' &&
      !!settings.accessKey,
  };
}
