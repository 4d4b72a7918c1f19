import {
  readSettings,
  readWatched,
  settingsSchema,
  watchedDashboardSchema,
  writeSettings,
  writeWatched,
} from '../storage';
import type { ManagedPolicy } from './managed-policy';
import { mergeManaged } from './merge-managed';

// Compared after normalising through the schemas, so key order never counts as a change.
function sameSettings(a: unknown, b: unknown): boolean {
  return JSON.stringify(settingsSchema.parse(a)) === JSON.stringify(settingsSchema.parse(b));
}

function sameWatched(a: unknown[], b: unknown[]): boolean {
  const normal = (list: unknown[]) =>
    JSON.stringify(list.map((entry) => watchedDashboardSchema.parse(entry)));
  return normal(a) === normal(b);
}

/**
 * Merges the managed policy into storage. It writes only what changed, because every write to `settings` makes
 * the background retry sync and every write to `watchedDashboards` re-registers the content scripts.
 */
export async function applyManagedPolicy(policy: ManagedPolicy): Promise<void> {
  const current = { settings: await readSettings(), watched: await readWatched() };
  const next = mergeManaged(current, policy);
  if (!sameSettings(current.settings, next.settings)) await writeSettings(next.settings);
  if (!sameWatched(current.watched, next.watched)) await writeWatched(next.watched);
}
