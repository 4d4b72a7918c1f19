import { formatDistanceStrict, formatDistanceToNow, format } from 'date-fns';

/** (ms) */
export const SECOND = 1000;
/** (ms) */
export const MINUTE = 60 * SECOND;
/** (ms) */
export const HOUR = 60 * MINUTE;
/** (ms) */
export const DAY = 24 * HOUR;

/** "2 minutes ago", "less than a minute ago", relative to `now`. */
export function relativeTime(at: number, now: number = Date.now()): string {
  if (now - at < MINUTE && now >= at) return 'less than a minute ago';
  if (at > now) return formatDistanceToNow(at, { addSuffix: true });
  return `${formatDistanceStrict(at, now, { roundingMethod: 'floor' })} ago`;
}

/** Absolute local time for tooltips, e.g. "25 Nov 2026, 14:02:11". */
export function absoluteTime(at: number): string {
  return format(at, 'd MMM yyyy, HH:mm:ss');
}

/** Clock time, e.g. "10:42". */
export function clockTime(at: number): string {
  return format(at, 'HH:mm');
}
