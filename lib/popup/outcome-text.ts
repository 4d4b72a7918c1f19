import type { FieldOutcome } from '../messaging/apply-report';

const TEXT: Record<FieldOutcome, string> = {
  applied: 'applied',
  unchanged: 'unchanged',
  rejected: 'rejected',
  unconfirmed: 'not confirmed',
  'not-saved': 'not saved',
  'changed-by-dashboard': 'changed by dashboard',
  'not-found': 'not found on page',
  locked: 'locked on the page',
  skipped: 'skipped',
};

/** How a restore report names a field's outcome; in the report of its undo (`undone`), a field applied is put back. */
export function outcomeText(outcome: FieldOutcome, undone = false): string {
  return undone && outcome === 'applied' ? 'put back' : TEXT[outcome];
}
