import type { FieldOutcome } from '../messaging/apply-report';

const TEXT: Record<FieldOutcome, string> = {
  applied: 'applied',
  unchanged: 'unchanged',
  rejected: 'rejected',
  unconfirmed: 'not confirmed',
  'not-saved': 'not saved',
  'changed-by-dashboard': 'changed by dashboard',
  'not-found': 'not found on page',
  skipped: 'skipped',
};

/** How a restore report names a field's outcome. */
export function outcomeText(outcome: FieldOutcome): string {
  return TEXT[outcome];
}
