import { expect, test } from 'vitest';
import { api } from '../../convex/_generated/api';
import { backupArgs, seededBackend } from './fixture';

/** Documents one history page reads when the workspace holds `count` backups. */
async function documentsReadForOnePage(count: number): Promise<number> {
  const { t, capture } = await seededBackend();
  await t.run(async (ctx) => {
    for (let i = 0; i < count; i++) {
      await ctx.db.insert('settingsBackups', {
        ...backupArgs({ clientBackupId: `s${i}` }),
        workspace: 'acme',
        chunkCount: 0,
        size: 10,
        createdAt: i,
        pinned: false,
      });
    }
  });
  return await t.query(async (ctx) => {
    const page = await ctx.runQuery(api.settingsBackups.listBackups, {
      ...capture,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(page.page[0]?.clientBackupId).toBe(`s${count - 1}`);
    return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
  });
}

test('one history page reads as many documents with 10,000 backups as with 10', async () => {
  const small = await documentsReadForOnePage(10);
  const large = await documentsReadForOnePage(10_000);
  expect(large).toBe(small);
  expect(small).toBeLessThan(20);
});
