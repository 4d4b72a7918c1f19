import type { FieldOutcome } from '../messaging/apply-report';

/** The outcomes of a field whose value a restore's save sent: kept as sent, or not as the dashboard answered. */
export const SENT_OUTCOMES: ReadonlySet<FieldOutcome> = new Set(['applied', 'changed-by-dashboard']);
