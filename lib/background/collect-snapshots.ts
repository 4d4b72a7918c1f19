import { finishSnapshot } from '../capture/finish-snapshot';
import type { Snapshot } from '../capture/snapshot';
import { collectedSchema } from '../messaging';
import { sendToTab } from '../send-message';
import { readInstall, type WatchedDashboard } from '../storage';

/** Every section a watched dashboard tab shows, finished into snapshots with the salt and the dashboard's rules. */
export async function collectSnapshots(
  tabId: number,
  dashboard: Pick<WatchedDashboard, 'extraLeftOut'>,
): Promise<Snapshot[]> {
  // The page's answer is checked like every message from a content script.
  const reply = collectedSchema.safeParse(await sendToTab(tabId, 'tab:collect', {}));
  if (!reply.success) throw new Error('The dashboard page sent an unreadable answer');
  const { salt } = await readInstall();
  return Promise.all(
    reply.data.drafts.map((draft) => finishSnapshot(draft, { salt, extraLeftOut: dashboard.extraLeftOut })),
  );
}
