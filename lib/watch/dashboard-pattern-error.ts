import type { WatchedDashboard } from '../storage';
import { patternError } from '../watch/dashboard-pattern';

/** Explains why a dashboard pattern cannot be saved (invalid, or already watched by another entry), or null. */
export function dashboardPatternError(
  pattern: string,
  watched: WatchedDashboard[],
  editingId?: string,
): string | null {
  const trimmed = pattern.trim();
  if (!trimmed) return 'Enter a dashboard URL pattern';
  const invalid = patternError(trimmed);
  if (invalid) return invalid;
  // Patterns match case-insensitively, so two spellings differing only in case watch the same pages.
  const duplicate = watched.some(
    (entry) => entry.id !== editingId && entry.pattern.trim().toLowerCase() === trimmed.toLowerCase(),
  );
  return duplicate ? 'This dashboard is already watched' : null;
}
