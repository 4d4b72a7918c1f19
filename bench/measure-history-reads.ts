import { documentsReadForOnePage } from '../tests/support/history-page-reads';
import { met, ratioText, type BenchRow } from './bench-row';

/** Row 8: Convex documents read for one history page at 10,000 backups against 10 (convex-test, as in tests/). */
export async function measureHistoryReads(): Promise<BenchRow> {
  const small = await documentsReadForOnePage(10);
  const large = await documentsReadForOnePage(10_000);
  return {
    figure: '8. Convex documents read, one history page, 10,000 backups',
    value: `${large} documents`,
    baseline: `${small} documents (10 backups)`,
    ratio: ratioText(large, small),
    target: 'equal',
    met: met(large === small),
  };
}
