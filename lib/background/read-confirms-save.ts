import { getAtPath, isRecord } from '../capture/body-path';
import { bodyEntries, structuredBody, toFieldValue } from '../capture/body-to-fields';
import { LEFT_OUT } from '../capture/limits';
import { agreesAroundLeftOut } from './agrees-around-left-out';

/**
 * Whether a read of a save's address, made after it, bears out the values a report says were sent: `false` when the
 * read shows any place of the report (so it is the resource the save writes) and any value is missing or different
 * there, `true` otherwise. A read that is not JSON, or shares no place with the report (a wrapper, a list), says
 * nothing and leaves the report as the browser's view left it. Only for a save whose body the browser did not show:
 * the report is the page's word, the read the server's. Which resource the read is cannot be judged by the share of
 * the report it holds: a page pads its report with places the read lacks until the read looks like another resource.
 */
export function readConfirmsSave(read: unknown, sentBody: unknown): boolean {
  const now = structuredBody(read);
  if (!isRecord(now) && !Array.isArray(now)) return true;
  const values = bodyEntries(sentBody)
    // A secret left out whole can be anything; one left out inside a value, only where the mark stands.
    .filter((entry) => entry.value !== LEFT_OUT)
    .map((entry) => ({ entry, actual: getAtPath(now, entry.segments) }));
  if (values.every(({ actual }) => actual === undefined)) return true;
  return values.every(({ entry, actual }) => {
    if (actual === undefined) return false;
    if (typeof entry.value === 'string' && entry.value.includes(LEFT_OUT))
      return agreesAroundLeftOut(entry.value, toFieldValue(actual));
    return JSON.stringify(toFieldValue(actual)) === JSON.stringify(toFieldValue(entry.value));
  });
}
