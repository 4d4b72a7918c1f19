import type { Snapshot } from '../capture/snapshot';
import type { ApplyReport, FieldReport } from '../messaging/apply-report';
import { sameValue } from './same-value';

/**
 * Compares the fields a restore through the form applied with the capture its save produced: kept, changed by the
 * dashboard, or with no capture, `unheard`: rejected (the dashboard refused the save) or unconfirmed (no answer).
 */
export function verifySavedFields(
  report: ApplyReport,
  saved: Snapshot | null,
  unheard: 'rejected' | 'unconfirmed' | 'not-saved' = 'rejected',
): FieldReport[] {
  const savedByKey = new Map((saved?.fields ?? []).map((field) => [field.key, field]));
  return report.fields.map((field) => {
    if (field.outcome !== 'applied') return field;
    if (!saved) return { ...field, outcome: unheard };
    const kept = savedByKey.get(field.key);
    const actual = kept?.value;
    const texts = kept?.texts ? { texts: kept.texts } : {};
    return sameValue(actual, field.expected)
      ? { ...field, actual: actual ?? null, ...texts }
      : { ...field, outcome: 'changed-by-dashboard', actual: actual ?? null, ...texts };
  });
}
