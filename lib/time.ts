import { formatDistanceStrict, format, isSameDay, isSameYear } from 'date-fns';
import { MAX_CLOCK_SKEW } from '../convex/sharedLimits';

/** (ms) */
export const SECOND = 1000;
/** (ms) */
export const MINUTE = 60 * SECOND;
/** (ms) */
export const HOUR = 60 * MINUTE;
/** (ms) */
export const DAY = 24 * HOUR;

/**
 * "2 minutes ago", "less than a minute ago", relative to `now`. A time ahead of `now` is another device's clock
 * running fast: "less than a minute ago" within the skew Convex and imports allow (it was stamped a moment ago, not
 * "in 2 minutes"), "ahead of this clock" beyond (the tooltip gives the time).
 */
export function relativeTime(at: number, now: number = Date.now()): string {
  if (at > now) return at - now <= MAX_CLOCK_SKEW ? 'less than a minute ago' : 'ahead of this clock';
  if (now - at < MINUTE) return 'less than a minute ago';
  return `${formatDistanceStrict(at, now, { roundingMethod: 'floor' })} ago`;
}

/** Absolute local time for tooltips, e.g. "25 Nov 2026, 14:02:11". */
export function absoluteTime(at: number): string {
  return format(at, 'd MMM yyyy, HH:mm:ss');
}

/**
 * When something began, short: "10:42" on the same day as `now`, "3 Dec, 10:42" on another day of its year,
 * "31 Dec 2025, 23:59" in another year. A clock time alone would say a change of three days ago was this morning's.
 */
export function sinceTime(at: number, now: number = Date.now()): string {
  if (isSameDay(at, now)) return format(at, 'HH:mm');
  return format(at, isSameYear(at, now) ? 'd MMM, HH:mm' : 'd MMM yyyy, HH:mm');
}
