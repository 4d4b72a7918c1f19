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
      if (draft.section?.hidden) hidden.add(shown);
      const locked = (draft.section?.fields ?? []).filter((field) => field.locked).map((field) => field.key);
      if (locked.length) lockedOf.set(shown, locked);
      const loaded = draft.section?.loaded;
      if (loaded) {
        const section = { ...draft.section!, fields: loaded };
        loadedOf.set(shown, await finishSnapshot({ ...draft, section }, options));
      }
      return shown;
    }),
  );
}

/** The sections as their pages loaded them or last saved them, by the snapshot of what they show now. */
const loadedOf = new WeakMap<Snapshot, Snapshot>();

/**
 * The section `shown` (collected above) as its page loaded it or last saved it, finished the same way: what the
 * dashboard holds, as far as that page knows; undefined when the page did not say.
 */
export function loadedSection(shown: Snapshot): Snapshot | undefined {
  return loadedOf.get(shown);
}

/** The keys of the fields the page of `shown` (collected above) keeps locked: disabled, so a form would not post them. */
const lockedOf = new WeakMap<Snapshot, string[]>();

/** The fields of `shown`'s page that the page keeps locked now (a restore fills them only if another field unlocks them). */
export function lockedFields(shown: Snapshot): string[] {
  return lockedOf.get(shown) ?? [];
}

/** The sections collected above that their page does not render (a closed dialog, a tab not shown). */
const hidden = new WeakSet<Snapshot>();

/** True when the page of `shown` (collected above) keeps its section hidden (a closed dialog, a tab not shown). */
export function isHiddenSection(shown: Snapshot): boolean {
  return hidden.has(shown);
}
