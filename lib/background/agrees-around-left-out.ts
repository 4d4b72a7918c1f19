import { LEFT_OUT } from '../capture/limits';

/**
 * Whether `actual` (a value the dashboard's read shows) is `sent` with each `[left out]` in it standing for whatever
 * secret was there (`postgres://u:[left out]@db`). What is around the mark is the page's word like any value: a
 * report cannot skip the check by putting the mark into a value it forges.
 */
export function agreesAroundLeftOut(sent: string, actual: unknown): boolean {
  if (typeof actual !== 'string') return false;
  const [first = '', ...rest] = sent.split(LEFT_OUT);
  if (!actual.startsWith(first)) return false;
  let at = first.length;
  for (const [index, part] of rest.entries()) {
    // The last part ends the value; the others are found leftmost, after at least nothing of a secret.
    if (index === rest.length - 1) return actual.length - part.length >= at && actual.endsWith(part);
    const found = actual.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return actual === first;
}
