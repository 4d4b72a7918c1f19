import { MAX_RETENTION } from '../../convex/sharedLimits';
import { ROLES, SYNC_STATES } from '../../convex/sharedValues';
import type { BackupRecord } from '../journal/backup-record';
import { journalWorkspaces } from '../journal/journal-workspaces';
import { newestBackups } from '../journal/newest-backups';
import { openJournal, type JournalDb } from '../journal/open-journal';
import type { WorkspaceFacts, WorkspaceStatus } from '../storage';
import { readUnchecked } from '../storage-keys';
import { isObject } from '../storage-migrations';
import { chooseWorkspace } from './choose-workspace';
import { listWorkspaces } from './list-workspaces';
import { adminRefusal } from './describe-author';
import { isConfigured } from './is-configured';
import { readTargetTab, type TargetTab } from './target-tab';

/**
 * Backups the first screen paints: a few more than fit in the popup's list (~450 px, an entry 60 px or more). Fewer
 * elements lay out sooner: with 30, the first entry was painted 20 ms later (25 paired opens each).
 */
export const FIRST_PAINT = 8;

/** What the popup's footer says of the watched dashboard the tab shows, beside Options. */
export type FooterNote = 'unwatch' | 'managed' | 'locked' | null;

/** What the popup's first screen shows: the workspace it opens on, its newest backups and its sync status. */
export interface FirstScreen {
  workspace: string;
  /** More than one workspace to choose from: the filters offer the choice (components/popup/HistoryFilters.tsx). */
  choice: boolean;
  /** The workspace's newest backups (up to FIRST_PAINT), newest first. */
  records: BackupRecord[];
  status: WorkspaceStatus | undefined;
  /** Convex is set up (a URL and a key). */
  configured: boolean;
  /** Why pin and delete are read-only in this workspace (a capture key), or null. */
  refusal: string | null;
  footer: FooterNote;
}

/** The stored items the first screen reads. */
const STORED = ['watched', 'statuses', 'settings', 'facts', 'storageHealth', 'drift'] as const;
type StoredKey = (typeof STORED)[number];

type Watched = { pattern: string; workspace?: string; managed: boolean };

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => Number.isFinite(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value);
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const strings = (value: unknown, most: number, longest: number) =>
  Array.isArray(value) &&
  value.length <= most &&
  value.every((item) => isString(item) && item.length <= longest);

// The checks below follow lib/storage.ts's schemas field by field (tests/unit/popup/read-first-screen.test.ts runs
// the same stored shapes through both): what a schema would refuse, they refuse.

/** A watched dashboard as watchedDashboardSchema accepts it, or null. */
function watchedOf(entry: unknown): Watched | null {
  if (!isObject(entry)) return null;
  const { id, pattern, savePattern, extraLeftOut, ignoreRules, managed, workspace } = entry;
  const workspaceOk =
    workspace === undefined ||
    (isString(workspace) && workspace.trim().length >= 1 && workspace.trim().length <= 255);
  if (
    !isString(id) ||
    id === '' ||
    !isString(pattern) ||
    pattern === '' ||
    !optional(savePattern, isString) ||
    !optional(extraLeftOut, (value) => strings(value, Infinity, Infinity)) ||
    !optional(ignoreRules, (value) => strings(value, 500, 2000)) ||
    !optional(managed, (value) => typeof value === 'boolean') ||
    !workspaceOk
  )
    return null;
  return {
    pattern,
    managed: managed === true,
    ...(isString(workspace) ? { workspace: workspace.trim() } : {}),
  };
}

/** A workspace's sync status as workspaceStatusSchema accepts it (with its defaults), or null. */
function statusOf(entry: unknown): WorkspaceStatus | null {
  if (!isObject(entry)) return null;
  const { state, error, retryable, lastSyncedAt, waiting, quarantined, updatedAt } = entry;
  if (
    !SYNC_STATES.includes(state as WorkspaceStatus['state']) ||
    !optional(error, isString) ||
    !optional(retryable, (value) => typeof value === 'boolean') ||
    !optional(lastSyncedAt, isNumber) ||
    !optional(waiting, isCount) ||
    !optional(quarantined, isCount) ||
    !isNumber(updatedAt)
  )
    return null;
  return {
    state: state as WorkspaceStatus['state'],
    ...(isString(error) ? { error } : {}),
    retryable: retryable !== false,
    ...(isNumber(lastSyncedAt) ? { lastSyncedAt } : {}),
    waiting: isCount(waiting) ? waiting : 0,
    quarantined: isCount(quarantined) ? quarantined : 0,
    updatedAt,
  };
}

/** What Convex said of a workspace's key, where workspaceFactsSchema would keep the entry, else undefined. */
function factsOf(entry: unknown): Pick<WorkspaceFacts, 'role' | 'keyLabel'> | undefined {
  if (!isObject(entry)) return undefined;
  const { role, keyLabel, retention, changesAt, checkedAt } = entry;
  if (
    !optional(role, (value) => ROLES.includes(value as (typeof ROLES)[number])) ||
    !optional(keyLabel, isString) ||
    !optional(retention, (value) => isCount(value) && value >= 1 && value <= MAX_RETENTION) ||
    !optional(changesAt, isNumber) ||
    !isNumber(checkedAt)
  )
    return undefined;
  return {
    ...(role === undefined ? {} : { role: role as WorkspaceFacts['role'] }),
    ...(isString(keyLabel) ? { keyLabel } : {}),
  };
}

/**
 * The popup's first screen, read without zod or React so that it shows before they have loaded: the same choice of
 * workspace as the React popup (choose-workspace.ts), its newest backups, its sync status and what the footer says.
 * It only shows what it reads, as text, and acts on nothing. Null, leaving the history to the React popup, when
 * a stored item is one its schema would refuse, and when the React popup shows more above the history than the
 * first screen paints (the tab is a page that is not watched, storage is short, the page drifted from its backups):
 * painted without them, the history would move down when they came.
 */
export async function readFirstScreen(): Promise<FirstScreen | null> {
  const db = openJournal();
  // The tab and storage reads start with the journal's opening rather than after it.
  const reads = Promise.all([readTargetTab(), readUnchecked<StoredKey>([...STORED])]);
  // Handled in readWith; when the journal does not open, readWith never runs, and that error is the one to report.
  reads.catch(() => undefined);
  try {
    return await readWith(await db, reads);
  } finally {
    // The React popup opens a connection of its own; this one would only stand in the way of an upgrade.
    void db.then(
      (opened) => opened.close(),
      () => undefined,
    );
  }
}

async function readWith(
  db: JournalDb,
  reads: Promise<[TargetTab | null, Record<StoredKey, unknown>]>,
): Promise<FirstScreen | null> {
  const [[target, stored], found] = await Promise.all([reads, journalWorkspaces(db)]);
  const rawWatched = stored.watched ?? [];
  const rawStatuses = stored.statuses ?? {};
  const settings = isObject(stored.settings) ? stored.settings : {};
  if (!Array.isArray(rawWatched) || !isObject(rawStatuses)) return null;
  const watched = rawWatched.map(watchedOf);
  const statuses = Object.entries(rawStatuses).map(([name, entry]) => [name, statusOf(entry)] as const);
  if (watched.includes(null) || statuses.some(([, status]) => status === null)) return null;

  const statusNames = statuses.map(([name]) => name);
  const { workspace, match } = chooseWorkspace(target?.url, watched as Watched[], found, statusNames);
  if (!workspace) return null;
  if (target && /^https?:\/\//i.test(target.url) && !match) return null;
  if (isObject(stored.storageHealth) && stored.storageHealth.state !== 'ok') return null;
  const drift = isObject(stored.drift) ? stored.drift[match?.workspace ?? ''] : undefined;
  if (match && isObject(drift) && drift.changed !== 0) return null;

  const locked = Array.isArray(settings.locked) && settings.locked.includes('watchedDashboards');
  return {
    workspace,
    choice: listWorkspaces(found, statusNames, match?.workspace ?? null).length > 1,
    records: await newestBackups(db, workspace, FIRST_PAINT),
    status: statuses.find(([name]) => name === workspace)?.[1] ?? undefined,
    configured: isConfigured(settings),
    refusal: adminRefusal(isObject(stored.facts) ? factsOf(stored.facts[workspace]) : undefined),
    footer: !match ? null : match.dashboard.managed ? 'managed' : locked ? 'locked' : 'unwatch',
  };
}
