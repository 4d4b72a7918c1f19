import type { BackupRecord } from '../journal/backup-record';
import { readSettings, readStatuses, readWatched } from '../storage';
import { readTargetTab } from './target-tab';
import { chooseWorkspace } from './choose-workspace';
import { popupJournal } from './popup-journal';

/** Backups the React popup reads before the rest of the history: more than fit in the popup. */
export const FIRST_SCREEN = 30;

/** The reads the popup's first screen waits on; each hook makes the same read again whenever its source changes. */
const reads = {
  tab: () => readTargetTab(),
  watched: readWatched,
  statuses: readStatuses,
  settings: readSettings,
  workspaces: () => popupJournal().then((opened) => opened.workspaces()),
};
type Reads = typeof reads;
type Started = { [K in keyof Reads]?: ReturnType<Reads[K]> };

let started: Started = {};
let firstScreen: Promise<{ workspace: string; records: BackupRecord[] } | null> | null = null;

/**
 * Starts, all at once and before React renders, what its first render needs: the target tab, the storage items
 * (through their schemas), the journal's workspaces and then the newest backups of the workspace the popup will
 * show. Awaited one after the other from the hooks' effects, they held the first entry up ~70 ms longer at 10,000
 * backups (scripts run → first entry 190 ms against 119, one paired run of the release build). Until that render,
 * the first screen painted without React (read-first-screen.ts) shows the same history.
 */
export function startFirstReads(): void {
  started = {
    tab: reads.tab(),
    watched: reads.watched(),
    statuses: reads.statuses(),
    settings: reads.settings(),
    workspaces: reads.workspaces(),
  };
  const { tab, watched, statuses, workspaces } = started;
  firstScreen = Promise.all([tab, watched, statuses, workspaces]).then(
    async ([target, list, status, stored]) => {
      const { workspace } = chooseWorkspace(target?.url, list ?? [], stored ?? [], Object.keys(status ?? {}));
      if (!workspace) return null;
      return { workspace, records: await (await popupJournal()).newest(workspace, FIRST_SCREEN) };
    },
  );
  // A failed read shows where its hook takes it; nothing else waits on these.
  for (const promise of [...Object.values(started), firstScreen]) promise.catch(() => undefined);
}

/** The read started by `startFirstReads` the first time it is asked for, afterwards (or without it) `read()`. */
export function firstRead<K extends keyof Reads>(key: K, read: Reads[K]): ReturnType<Reads[K]> {
  const early = started[key];
  delete started[key];
  return (early ?? read()) as ReturnType<Reads[K]>;
}

/** The newest backups of `workspace` read at start, once, if the start read that workspace; else null. */
export async function takeFirstScreen(workspace: string): Promise<BackupRecord[] | null> {
  const early = firstScreen;
  firstScreen = null;
  const found = await early?.catch(() => null);
  return found?.workspace === workspace ? found.records : null;
}
