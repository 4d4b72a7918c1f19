import { documentsReadForRetention } from '../tests/support/retention-reads';
import { met, type BenchRow } from './bench-row';

/** (documents) retention may read after a backup of a section within its retention. */
const TARGET = 3;
const SECTION = 150;

/**
 * Row 8: Convex documents read for retention after one backup of a section of 150 backups (the default retention
 * is 200), counted, against the same section before Savepoint counted sections (convex-test, as in tests/).
 */
export async function measureRetentionReads(): Promise<BenchRow> {
  const counted = await documentsReadForRetention(SECTION, true);
  const whole = await documentsReadForRetention(SECTION, false);
  return {
    figure: `8. Convex documents read for retention after a backup, a section of ${SECTION} (retention 200)`,
    value: `${counted} documents`,
    baseline: `${whole} documents (the section not yet counted: judged whole)`,
    ratio: '—',
    target: `≤ ${TARGET}`,
    met: met(counted <= TARGET),
  };
}
