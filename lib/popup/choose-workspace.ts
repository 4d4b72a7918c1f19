import type { WatchedDashboard } from '../storage';
import { findDashboard } from '../watch/find-dashboard';
import { listWorkspaces } from './list-workspaces';

/**
 * The workspace the popup opens on: the watched dashboard the tab shows, else the first by name among those with
 * backups or a sync status; with the dashboard the tab matched, if any. Null when there is none to show.
 */
export function chooseWorkspace<D extends Pick<WatchedDashboard, 'pattern' | 'workspace'>>(
  tabUrl: string | undefined,
  watched: D[],
  stored: string[],
  statusWorkspaces: string[],
): { workspace: string | null; match: { dashboard: D; workspace: string } | null } {
  const match = tabUrl ? findDashboard(watched, tabUrl) : null;
  const workspace = listWorkspaces(stored, statusWorkspaces, match?.workspace ?? null)[0] ?? null;
  return { workspace, match };
}
