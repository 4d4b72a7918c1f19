import type { WatchedDashboard } from '../storage';
import { compileDashboardPattern } from './dashboard-pattern';

/**
 * The watched dashboard a URL belongs to, with its workspace (the one set by hand in Options, else the pattern's),
 * or null when the URL is not watched.
 */
export function findDashboard<D extends Pick<WatchedDashboard, 'pattern' | 'workspace'>>(
  watched: D[],
  url: string,
): { dashboard: D; workspace: string } | null {
  for (const dashboard of watched) {
    try {
      const found = compileDashboardPattern(dashboard.pattern).match(url);
      if (found) return { dashboard, workspace: dashboard.workspace ?? found.workspace };
    } catch {
      continue;
    }
  }
  return null;
}
