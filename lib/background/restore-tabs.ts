import type { Snapshot } from '../capture/snapshot';
import type { WatchedDashboard } from '../storage';
import { askWhenReady } from './ask-when-ready';
import { collectSnapshots, isHiddenSection } from './collect-snapshots';
import { dashboardAt, dashboardInTab } from './dashboard-at';
import { openDashboardTab } from './open-dashboard-tab';

/** A dashboard tab a restore may act in: it shows a watched dashboard of the backup's workspace. */
export interface RestoreTab {
  tabId: number;
  url: string;
  dashboard: WatchedDashboard;
}

/** Where a restore may act: the backup's own dashboard and workspace, checked on the backup and on the tab. */
export function createRestoreTabs(
  readWatched: () => Promise<WatchedDashboard[]>,
  salt: () => Promise<string>,
) {
  /** The tab's dashboard, when it shows one of `workspace`; null otherwise. */
  async function tabOf(tabId: number, workspace: string): Promise<RestoreTab | null> {
    const found = await dashboardInTab(tabId, readWatched);
    return found?.workspace === workspace ? { tabId, url: found.url, dashboard: found.dashboard } : null;
  }

  return {
    tabOf,

    /**
     * The backup's page, if it is a watched dashboard of the backup's own workspace. A backup is data (it may
     * have been pulled or imported): its page address is never opened, nor restored into, on its word alone.
     */
    async home(workspace: string, snapshot: Snapshot) {
      const found = await dashboardAt(snapshot.pageUrl, readWatched);
      if (found?.workspace !== workspace) {
        throw new Error(
          `This backup's page is not a watched dashboard of workspace ${workspace}, so it was not restored`,
        );
      }
      return found;
    },

    /** A tab showing this workspace's dashboard: the given one if it does, else navigated to the backup's page. */
    async dashboardTab(
      workspace: string,
      pageUrl: string,
      tabId?: number,
      navigate = false,
    ): Promise<RestoreTab> {
      const given = tabId === undefined || navigate ? null : await tabOf(tabId, workspace);
      if (given) return given;
      const opened = await tabOf(await openDashboardTab(pageUrl, tabId), workspace);
      // The page may have redirected elsewhere (a login, another workspace): nothing is restored there.
      if (!opened)
        throw new Error(`The dashboard page did not open as workspace ${workspace}; nothing was restored`);
      return opened;
    },

    /**
     * The section as a watched tab shows it now, finished with that dashboard's rules: of the page's sections of
     * the backup's type, the one sharing most of its fields. With `waitForAgent` (a restore), it waits for the
     * page's capture agent while the page is between two documents (askWhenReady).
     */
    async currentSection(tabId: number, backup: Snapshot, waitForAgent = false): Promise<Snapshot | null> {
      const found = await dashboardInTab(tabId, readWatched);
      if (!found) throw new Error('This page is not a watched dashboard');
      const keys = new Set(backup.fields.map((field) => field.key));
      const shared = (snapshot: Snapshot) => snapshot.fields.filter((field) => keys.has(field.key)).length;
      // A preview does not wait: without the page's agent it compares with the server's read instead.
      const ask = waitForAgent ? (id: number) => askWhenReady(id) : undefined;
      // A form the page keeps hidden (a closed dialog) is not filled when the section's save can be sent instead:
      // its page may save it only from controls around it (Syncthing's dialog footer).
      const sameType = (await collectSnapshots(tabId, found, found.watched, salt, ask)).filter(
        (s) => s.type === backup.type && !(backup.request && isHiddenSection(s)),
      );
      return sameType.reduce<Snapshot | null>(
        (best, s) => (!best || shared(s) > shared(best) ? s : best),
        null,
      );
    },
  };
}
