import { finishSnapshot } from '../capture/finish-snapshot';
import type { Snapshot } from '../capture/snapshot';
import { collectedSchema } from '../messaging';
import { sendToTab } from '../messaging/send-message';
import type { WatchedDashboard } from '../storage';
import { findDashboard } from '../watch/find-dashboard';

/** The dashboard and workspace the tab showed when Savepoint decided to ask it. */
interface Expected {
  dashboard: WatchedDashboard;
  workspace: string;
}

/**
 * Every section a watched dashboard tab shows, finished into snapshots with the salt and the dashboard's rules.
 * Each draft must come from a page of the dashboard and workspace the tab showed when asked: a tab that navigated
 * meanwhile must not have its sections recorded under another workspace or finished with another's rules.
 * `salt` is the install's (the worker keeps it in memory).
 */
export async function collectSnapshots(
  tabId: number,
  expected: Expected,
  watched: WatchedDashboard[],
  salt: () => Promise<string>,
  ask: (tabId: number) => Promise<unknown> = (id) => sendToTab(id, 'tab:collect', {}),
): Promise<Snapshot[]> {
  // The page's answer is checked like every message from a content script.
  const reply = collectedSchema.safeParse(await ask(tabId));
  if (!reply.success) throw new Error('The dashboard page sent an unreadable answer');
  for (const draft of reply.data.drafts) {
    const at = findDashboard(watched, draft.pageUrl);
    if (at?.dashboard.id !== expected.dashboard.id || at.workspace !== expected.workspace) {
      throw new Error('The page changed while Savepoint read it; try again');
    }
  }
  const options = { salt: await salt(), extraLeftOut: expected.dashboard.extraLeftOut };
  return Promise.all(
    reply.data.drafts.map(async (draft) => {
      const shown = await finishSnapshot(draft, options);
      const section = draft.section;
      const loaded = section?.loaded
        ? await finishSnapshot({ ...draft, section: { ...section, fields: section.loaded } }, options)
        : undefined;
      pageFacts.set(shown, {
        ...(loaded ? { loaded } : {}),
        locked: (section?.fields ?? []).filter((field) => field.locked).map((field) => field.key),
        hidden: section?.hidden === true,
      });
      return shown;
    }),
  );
}

/** What the page said of each section collected above, besides what it shows, by the snapshot of what it shows. */
const pageFacts = new WeakMap<Snapshot, { loaded?: Snapshot; locked: string[]; hidden: boolean }>();

/**
 * The section `shown` (collected above) as its page loaded it or last saved it, finished the same way: what the
 * dashboard holds, as far as that page knows; undefined when the page did not say.
 */
export function loadedSection(shown: Snapshot): Snapshot | undefined {
  return pageFacts.get(shown)?.loaded;
}

/** The fields of `shown`'s page that the page keeps locked now (a restore fills them only if another field unlocks them). */
export function lockedFields(shown: Snapshot): string[] {
  return pageFacts.get(shown)?.locked ?? [];
}

/** True when `shown`'s page renders none of its fields and has no save control in it (a closed dialog). */
export function isHiddenSection(shown: Snapshot): boolean {
  return pageFacts.get(shown)?.hidden === true;
}
