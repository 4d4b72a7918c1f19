import { browser } from 'wxt/browser';
import type { WatchedDashboard } from '../storage';
import { collectSnapshots } from './collect-snapshots';
import type { DriftKeeper } from './create-drift-keeper';
import { dashboardAt } from './dashboard-at';

/**
 * Other devices' backups of `workspace` arrived (a pull): what its open dashboard tab shows is compared again with
 * the latest backups, which may now be theirs. The drift measured before compared it with this device's own
 * latest, so a colleague's save backed up on their device still read as "changed since the last backup" here.
 * Without an open tab of the workspace the drift stays as measured (the next load measures it again).
 */
export async function remeasureDrift(
  workspace: string,
  drift: DriftKeeper,
  watched: () => Promise<WatchedDashboard[]>,
  salt: () => Promise<string>,
): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined) continue;
    const found = await dashboardAt(tab.url, watched);
    if (found?.workspace !== workspace) continue;
    // A tab whose agent is not there (still loading, or a page it cannot read) is passed over.
    const shown = await collectSnapshots(tab.id, found, found.watched, salt).catch(() => []);
    if (shown.length === 0) continue;
    await drift.measure(workspace, shown);
    return;
  }
}
