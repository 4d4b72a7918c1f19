/**
 * Old shapes of stored items and the migrations that bring them to the current version. WXT runs them when an item is
 * first used after an update (`storage.defineItem({ version, migrations })`); each is pure and idempotent, so two
 * contexts migrating at once agree.
 */

/** `local:settings` version 1: one access key, and a device could keep up to 100,000 backups per section. */
export interface SettingsV1 {
  convexUrl?: string;
  accessKey?: string;
  retentionPerSection?: number;
  locked?: string[];
}

/** `local:watchedDashboards` version 1 entries: no ignore rules, no workspace set by hand. */
export interface WatchedDashboardV1 {
  id: string;
  pattern: string;
  savePattern?: string;
  extraLeftOut?: string[];
  managed?: boolean;
}

/** Most backups per section from version 2 on (the limit Convex has). */
const MAX_RETENTION_V2 = 10_000;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Settings v1 → v2: keys per workspace (none yet), and a retention above 10,000 capped to it. */
export function migrateSettingsToV2(old: unknown): unknown {
  if (!isObject(old)) return old;
  const v1 = old as SettingsV1 & Record<string, unknown>;
  const retention = v1.retentionPerSection;
  return {
    ...v1,
    workspaceKeys: Array.isArray(v1.workspaceKeys) ? v1.workspaceKeys : [],
    ...(typeof retention === 'number' ? { retentionPerSection: Math.min(retention, MAX_RETENTION_V2) } : {}),
  };
}

/** Watched dashboards v1 → v2: every entry has its ignore rules (none yet); a workspace set by hand stays absent. */
export function migrateWatchedToV2(old: unknown): unknown {
  if (!Array.isArray(old)) return old;
  return old.map((entry: unknown) =>
    isObject(entry) && !Array.isArray(entry.ignoreRules) ? { ...entry, ignoreRules: [] } : entry,
  );
}
