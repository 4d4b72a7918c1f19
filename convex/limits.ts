import { withoutBidiControls } from '../lib/capture/clean-text';
import { appError } from './errors';

export { DEFAULT_RETENTION, MAX_CLOCK_SKEW, MAX_RETENTION } from './sharedLimits';

/** (bytes, UTF-8) Largest snapshot accepted: 8 MiB, half of Convex's 16 MiB argument limit. */
export const MAX_SNAPSHOT_BYTES = 8 * 1024 * 1024;

/** (characters) Longest section type, client id, content hash, label or device name. */
export const MAX_NAME_CHARS = 200;

/** (characters) Longest note on a backup. */
export const MAX_NOTE_CHARS = 2_000;

/** (characters) Longest restore report. */
export const MAX_REPORT_CHARS = 20_000;

/** Most backups or audit entries returned in one page. */
export const MAX_PAGE_SIZE = 100;

/**
 * (bytes, UTF-8) Most whole data one page of backups holds, unless its first backup alone is larger: a quarter of
 * the 16 MiB one Convex function may read and return, the rest left for the deltas a page's backups are rebuilt from.
 */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** (characters) Shortest access key an operator may choose (`keys:create` with `key`); generated ones are 46. */
export const MIN_CHOSEN_KEY_CHARS = 32;

/** Refuses with INVALID unless `value` is at most `max` characters (and not empty when `required`). */
export function checkText(field: string, value: string | undefined, max: number, required = false): void {
  if (value === undefined) return;
  if (required && value.trim() === '') throw appError('INVALID', `${field} must not be empty`);
  if (value.length > max) throw appError('INVALID', `${field} is longer than ${max} characters`);
}

/**
 * A name others read (a device, an access key's label) without bidi controls, which would reorder it unseen
 * ("\u202Egnp.exe" reads "exe.png"); refused like `checkText` when longer than a name or, if `required`, empty.
 */
export function checkedName<T extends string | undefined>(field: string, value: T, required = false): T {
  const name = (value === undefined ? undefined : withoutBidiControls(value)) as T;
  checkText(field, name, MAX_NAME_CHARS, required);
  return name;
}
