import { getAtPath, isRecord } from '../capture/body-path';
import { bodyEntries, structuredBody, toFieldValue } from '../capture/body-to-fields';
import { LEFT_OUT } from '../capture/limits';
import { isSameResource } from '../restore/is-same-resource';

/**
 * Whether a read of a save's address, made after it, bears out the values a report says were sent: `false` when it
 * is the same resource (it shows most of them) and any value is missing or different there, `true` otherwise. A
 * read that is not JSON, or not that resource, says nothing and leaves the report as the browser's view left it.
 * Only for a save whose body the browser did not show: the report is the page's word, the read the server's.
 */
export function readConfirmsSave(read: unknown, sentBody: unknown): boolean {
  const now = structuredBody(read);
  if (!isRecord(now) && !Array.isArray(now)) return true;
  const values = bodyEntries(sentBody).filter(
    (entry) => !(typeof entry.value === 'string' && entry.value.includes(LEFT_OUT)),
  );
  if (values.length === 0 || !isSameResource(now, sentBody)) return true;
  return values.every((entry) => {
    const actual = getAtPath(now, entry.segments);
    return (
      actual !== undefined &&
      JSON.stringify(toFieldValue(actual)) === JSON.stringify(toFieldValue(entry.value))
    );
  });
}
