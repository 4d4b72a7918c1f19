import { getAtPath } from '../capture/body-path';
import { structuredBody, toFieldValue } from '../capture/body-to-fields';
import type { FieldReport } from '../messaging/apply-report';
import type { PlannedValue } from './plan-request-restore';

/** Equal as the dashboard stores them: `40` and `"40"` are the same setting. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(toFieldValue(a)) === JSON.stringify(toFieldValue(b));
}

/**
 * Field by field, what the dashboard kept after a restore by request: each planned value compared with the resource
 * read again (`after`); a value the dashboard changed is `changed-by-dashboard` with what it holds now. Without a
 * re-read (`after` undefined), or for a value the resource does not show, the dashboard's acceptance of the save
 * is all there is to go by.
 */
export function verifyRequestRestore(
  fields: FieldReport[],
  planned: readonly PlannedValue[],
  after: unknown,
): FieldReport[] {
  const byKey = new Map(planned.map((value) => [value.key, value]));
  const now = structuredBody(after);
  return fields.map((field) => {
    const value = byKey.get(field.key);
    if (field.outcome !== 'applied' || !value || after === undefined) return field;
    const actual = getAtPath(now, value.segments);
    // The resource does not show this value back (Node-RED keeps telemetryEnabled elsewhere): accepted, unread.
    if (actual === undefined) return field;
    if (same(actual, value.value)) return { ...field, actual: field.expected };
    return {
      ...field,
      outcome: 'changed-by-dashboard',
      actual: actual === undefined ? null : toFieldValue(actual, field.expected ?? undefined),
    };
  });
}
