import { ignoreRuleFor, matchesIgnoreRule } from '../page/bridge/ignore-rule';
import type { Journal } from '../journal/create-journal';
import { readSettings, readWatched, writeWatched, type WatchedDashboard } from '../storage';
import { isWatchedListLocked } from '../watch/watched-edits';
import { findDashboard } from '../watch/find-dashboard';

/** True when one of a dashboard's ignore rules names this request. */
export function isIgnored(dashboard: WatchedDashboard, method: string, url: string): boolean {
  return (dashboard.ignoreRules ?? []).some((rule) => matchesIgnoreRule(rule, method, url));
}

/**
 * Adds an ignore rule for the request that made a backup to the dashboard it was captured on (once); says whether
 * the backup had already reached Convex. The caller removes the backup.
 */
export async function ignoreBackupRequest(
  journal: Pick<Journal, 'get' | 'snapshotOf'>,
  id: string,
): Promise<{ rule: string; dashboardId: string; managed: boolean; keptInConvex: boolean }> {
  const record = await journal.get(id);
  if (!record) throw new Error('This backup no longer exists');
  const snapshot = await journal.snapshotOf(record);
  if (!snapshot?.request) throw new Error('This backup was not made by a request Savepoint can ignore');
  const watched = await readWatched();
  const found = findDashboard(watched, snapshot.pageUrl);
  if (!found) throw new Error('The dashboard of this backup is no longer watched');
  // The page a backup names is data (a pulled or imported one names any): the rule is only for its own workspace.
  if (found.workspace !== record.workspace) {
    throw new Error(`This backup names a page of workspace ${found.workspace}, not of ${record.workspace}`);
  }
  const rule = ignoreRuleFor(snapshot.request.method, snapshot.request.url, record.workspace);
  const rules = found.dashboard.ignoreRules ?? [];
  if (!rules.includes(rule)) {
    await writeWatched(
      watched.map((entry) =>
        entry.id === found.dashboard.id ? { ...entry, ignoreRules: [...rules, rule] } : entry,
      ),
    );
  }
  return {
    rule,
    dashboardId: found.dashboard.id,
    // The administrator's dashboard, or a locked list: only they can take the rule back (watched-edits.ts).
    managed: found.dashboard.managed || isWatchedListLocked(await readSettings()),
    keptInConvex: record.outbox === 'synced' || record.outbox === 'remote',
  };
}
