import type { CapturedRequest, Snapshot } from '../capture/snapshot';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';
import type { WatchedDashboard } from '../storage';
import { dashboardAt } from './dashboard-at';

/** This browser's own captures of a section looked through for the address, newest first. */
const LOOK_BACK = 50;

/** The address a request goes to from `base`, without its fragment; null when it has none. */
function addressOf(url: string, base: string): string | null {
  try {
    const parsed = new URL(url, base);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * This browser's own captures of the section that went to this method and address: backups captured here (not
 * pulled from Convex, not imported), whose save request the browser confirmed as sent and accepted, from a page of
 * the same workspace, newest first. A backup's request address is data: without them, a crafted import or pull
 * could make a restore send the admin's session to another workspace's settings or to an action.
 */
export async function ownSavesTo(
  deps: {
    journal: Pick<Journal, 'newestOfSection' | 'snapshotOf'>;
    watched: () => Promise<WatchedDashboard[]>;
  },
  workspace: string,
  type: string,
  request: Pick<CapturedRequest, 'method' | 'url'>,
  tabUrl: string,
): Promise<Snapshot[]> {
  const wanted = addressOf(request.url, tabUrl);
  if (!wanted) return [];
  const own = await deps.journal.newestOfSection(
    workspace,
    type,
    LOOK_BACK,
    (record) => record.source === 'auto' && madeHere(record),
  );
  const saves: Snapshot[] = [];
  for (const record of own) {
    const snapshot = await deps.journal.snapshotOf(record).catch(() => null);
    const sent = snapshot?.request;
    if (!snapshot || sent?.method !== request.method) continue;
    if (addressOf(sent.url, snapshot.pageUrl) !== wanted) continue;
    // Backups with the same content share one stored body; the page it names must be of this workspace.
    if ((await dashboardAt(snapshot.pageUrl, deps.watched))?.workspace === workspace) saves.push(snapshot);
  }
  return saves;
}

/** True when this browser saw the dashboard save the section to this address itself (`ownSavesTo`). */
export async function savedHereTo(...args: Parameters<typeof ownSavesTo>): Promise<boolean> {
  return (await ownSavesTo(...args)).length > 0;
}
