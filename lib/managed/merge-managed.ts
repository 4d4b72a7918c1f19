import type { Settings, WatchedDashboard } from '../storage';
import type { ManagedDashboard, ManagedPolicy } from './managed-policy';

/** What the managed policy shapes: the settings and the watched dashboards. */
export interface ManagedState {
  settings: Settings;
  watched: WatchedDashboard[];
}

/** Id of a managed dashboard, derived from its pattern so applying the same policy again changes nothing. */
export function managedDashboardId(pattern: string): string {
  return `managed:${pattern}`;
}

function samePattern(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function toWatched(dashboard: ManagedDashboard): WatchedDashboard {
  return {
    id: managedDashboardId(dashboard.pattern),
    pattern: dashboard.pattern,
    ...(dashboard.savePattern ? { savePattern: dashboard.savePattern } : {}),
    extraLeftOut: dashboard.extraLeftOut,
    managed: true,
  };
}

/**
 * Merges the administrator's policy into the user's state: managed values win, the previous managed dashboards
 * are replaced, the user's own dashboards are kept (except those the policy now watches itself), and `locked`
 * always mirrors the current policy so that removing a policy unlocks the settings again.
 */
export function mergeManaged(current: ManagedState, policy: ManagedPolicy): ManagedState {
  const managed: WatchedDashboard[] = [];
  for (const dashboard of policy.watchedDashboards ?? []) {
    if (managed.some((entry) => samePattern(entry.pattern, dashboard.pattern))) continue;
    const entry = toWatched(dashboard);
    // The user's "Not a settings save" rules on a managed dashboard outlive every policy update.
    const rules = current.watched.find((previous) =>
      samePattern(previous.pattern, dashboard.pattern),
    )?.ignoreRules;
    managed.push(rules?.length ? { ...entry, ignoreRules: rules } : entry);
  }
  const own = current.watched.filter(
    (entry) => !entry.managed && !managed.some((m) => samePattern(m.pattern, entry.pattern)),
  );
  return {
    settings: {
      ...current.settings,
      ...(policy.convexUrl !== undefined ? { convexUrl: policy.convexUrl } : {}),
      ...(policy.retentionPerSection !== undefined
        ? { retentionPerSection: policy.retentionPerSection }
        : {}),
      locked: [...new Set(policy.locked ?? [])],
    },
    watched: [...managed, ...own],
  };
}
