// The one way the popup and the options page change the watched list, so both obey the administrator's lock.
import { isLocked } from '../options/is-locked';
import { MANAGED } from './managed';
import { readSettings, readWatched, writeWatched, type Settings, type WatchedDashboard } from '../storage';
import { dashboardPatternError } from './dashboard-pattern-error';
import { originOf, releaseOrigin } from './origin-access';
import { savePatternError } from './save-pattern-error';

/** What the options page can change in a watched dashboard. */
export interface DashboardChange {
  pattern: string;
  savePattern: string;
  extraLeftOut: string[];
  /** The workspace set by hand; empty to take it from the URL again. */
  workspace?: string;
}

/** True when the administrator's policy locks the whole watched list: no dashboard may be added or removed. */
export function isWatchedListLocked(settings: Settings): boolean {
  return isLocked(settings, 'watchedDashboards');
}

// Each edit reads the list afresh: the background may have applied a new managed policy since the page drew it.
async function editableList(): Promise<WatchedDashboard[]> {
  if (isWatchedListLocked(await readSettings())) throw new Error(MANAGED);
  return readWatched();
}

function findEditable(list: WatchedDashboard[], id: string): WatchedDashboard {
  const target = list.find((entry) => entry.id === id);
  if (!target) throw new Error('This dashboard is no longer watched');
  if (target.managed) throw new Error(MANAGED);
  return target;
}

/** Adds a dashboard the user watches (its origin permission must already be granted). */
export async function addWatched(pattern: string): Promise<WatchedDashboard> {
  const list = await editableList();
  const error = dashboardPatternError(pattern, list);
  if (error) throw new Error(error);
  const entry: WatchedDashboard = {
    id: crypto.randomUUID(),
    pattern: pattern.trim(),
    extraLeftOut: [],
    managed: false,
  };
  await writeWatched([...list, entry]);
  return entry;
}

/** Changes one of the user's dashboards, giving back the old origin when nothing else needs it. */
export async function updateWatched(id: string, change: DashboardChange): Promise<void> {
  const list = await editableList();
  const target = findEditable(list, id);
  const error = dashboardPatternError(change.pattern, list, id) ?? savePatternError(change.savePattern);
  if (error) throw new Error(error);
  const savePattern = change.savePattern.trim();
  const workspace = (change.workspace ?? target.workspace ?? '').trim();
  const updated: WatchedDashboard = {
    id,
    pattern: change.pattern.trim(),
    ...(savePattern ? { savePattern } : {}),
    ...(workspace ? { workspace } : {}),
    extraLeftOut: change.extraLeftOut,
    ...(target.ignoreRules ? { ignoreRules: target.ignoreRules } : {}),
    managed: false,
  };
  const next = list.map((entry) => (entry.id === id ? updated : entry));
  await writeWatched(next);
  await releaseOrigin(originOf(target.pattern), next);
}

/** Stops watching one of the user's dashboards and gives back its origin when nothing else needs it. */
export async function removeWatched(id: string): Promise<void> {
  const list = await editableList();
  const target = findEditable(list, id);
  const remaining = list.filter((entry) => entry.id !== id);
  await writeWatched(remaining);
  await releaseOrigin(originOf(target.pattern), remaining);
}

/** Stops ignoring a request ("Not a settings save" added the rule): its captures count again. */
export async function removeIgnoreRule(id: string, rule: string): Promise<void> {
  const list = await editableList();
  const target = findEditable(list, id);
  const ignoreRules = (target.ignoreRules ?? []).filter((existing) => existing !== rule);
  await writeWatched(list.map((entry) => (entry.id === id ? { ...target, ignoreRules } : entry)));
}
