import { formatDistanceStrict, isSameDay, isSameYear, lightFormat } from 'date-fns';
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

/**
 * Month names as date-fns's `format` writes `MMM` in English. `lightFormat` has no month names, and `format` weighs
 * 17 KB minified (every token, the whole locale) in the popup's first screen, which paints only times.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "25 Nov", local. */
function dayAndMonth(at: number): string {
  const date = new Date(at);
  return `${date.getDate()} ${MONTHS[date.getMonth()]}`;
}

/** Absolute local time for tooltips, e.g. "25 Nov 2026, 14:02:11". */
export function absoluteTime(at: number): string {
  return `${dayAndMonth(at)} ${lightFormat(at, 'yyyy, HH:mm:ss')}`;
}

/**
 * When something began, short: "10:42" on the same day as `now`, "3 Dec, 10:42" on another day of its year,
 * "31 Dec 2025, 23:59" in another year. A clock time alone would say a change of three days ago was this morning's.
 */
export function sinceTime(at: number, now: number = Date.now()): string {
  const time = lightFormat(at, 'HH:mm');
  if (isSameDay(at, now)) return time;
  return isSameYear(at, now)
    ? `${dayAndMonth(at)}, ${time}`
    : `${dayAndMonth(at)} ${lightFormat(at, 'yyyy')}, ${time}`;
}

/** A time of day to the second, local, e.g. "14:02:11": tells one try from the next. */
export function clockTime(at: number): string {
  return lightFormat(at, 'HH:mm:ss');
}

/** Settles after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
