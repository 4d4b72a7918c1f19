import type { Snapshot } from '../capture/snapshot';
import type { ApplyReport, FieldReport } from '../messaging/apply-report';
import { verifyKept } from './verify-kept';

/**
 * Compares the fields a restore through the form applied with the capture its save produced: kept, changed by the
 * dashboard, or with no capture, `unheard`: rejected (the dashboard refused the save) or unconfirmed (no answer).
 */
export function verifySavedFields(
  report: ApplyReport,
  saved: Snapshot | null,
  unheard: 'rejected' | 'unconfirmed' | 'not-saved' = 'rejected',
): FieldReport[] {
  if (saved) return verifyKept(report.fields, saved, 'changed');
  return report.fields.map((field) => (field.outcome === 'applied' ? { ...field, outcome: unheard } : field));
}
