import type { FieldValue } from '../capture/snapshot';

/** How a form or a query string writes a flag the dashboard reads back as `true` / `false`. */
const TRUE = new Set(['true', '1', 'on', 'yes']);
const FALSE = new Set(['false', '0', 'off', 'no', '']);
/** A time of day without seconds ("07:30"), which a dashboard may store with them ("07:30:00"). */
const MINUTES = /^\d{1,2}:\d{2}$/;

function sameScalar(read: unknown, expected: string | boolean): boolean {
  if (typeof read === 'boolean' || typeof expected === 'boolean') {
    const [flag, other] = typeof read === 'boolean' ? [read, expected] : [expected as boolean, read];
    if (typeof other === 'boolean') return flag === other;
    return (flag ? TRUE : FALSE).has(String(other ?? '').toLowerCase());
  }
  const text = read === null || read === undefined ? '' : String(read);
  if (text === expected) return true;
  // "10.50" sent, 10.5 stored: one number.
  if (text.trim() && expected.trim() && Number(text) === Number(expected)) return true;
  return (
    (MINUTES.test(expected) && text === `${expected}:00`) || (MINUTES.test(text) && expected === `${text}:00`)
  );
}

/**
 * Whether what a dashboard shows or answers (`read`) is the setting a restore put there (`expected`), as dashboards
 * write settings back: `10.5` for "10.50", `false` for "0", "07:30:00" for "07:30", a list's choices in another
 * order. Anything else is a value the dashboard did not keep as sent.
 */
export function sameSetting(read: unknown, expected: FieldValue): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(read) || read.length !== expected.length) return false;
    const left = [...expected];
    return read.every((item) => {
      const at = left.findIndex((choice) => sameScalar(item, choice));
      return at >= 0 && left.splice(at, 1).length === 1;
    });
  }
  if (expected === null) return read === null || read === undefined;
  return !Array.isArray(read) && sameScalar(read, expected);
}
