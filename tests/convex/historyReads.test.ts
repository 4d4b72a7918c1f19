import { expect, test } from 'vitest';
import { documentsReadForOnePage } from '../support/history-page-reads';

test('one history page reads as many documents with 10,000 backups as with 10', async () => {
  const small = await documentsReadForOnePage(10);
  const large = await documentsReadForOnePage(10_000);
  expect(large).toBe(small);
  expect(small).toBeLessThan(20);
});
