import { convexTest } from 'convex-test';
import { internal } from '../../convex/_generated/api';
import schema from '../../convex/schema';

const modules = import.meta.glob('../../convex/**/*.*s');

/**
 * Documents Convex reads to serve one history page (10 entries) when workspace `acme` holds `count` backups, with
 * the real `listBackups` over convex-test. Throws when the page is not the newest one. Shared by the Convex test
 * and `npm run bench`.
 */
export async function documentsReadForOnePage(count: number): Promise<number> {
  const t = convexTest(schema, modules);
  const capture = await t.mutation(internal.keys.create, {
    workspace: 'acme',
    role: 'capture',
    label: 'Reads',
  });
  await t.run(async (ctx) => {
    for (let i = 0; i < count; i += 1) {
      await ctx.db.insert('settingsBackups', {
        workspace: 'acme',
        type: 'bot-names',
        clientBackupId: `s${i}`,
        data: JSON.stringify({ fields: [{ key: 'name', value: 'Robo' }] }),
        contentHash: 'hash-1',
        source: 'auto',
        capturedAt: 1_700_000_000_000 + i,
        chunkCount: 0,
        size: 10,
        createdAt: i,
        pinned: false,
      });
    }
  });
  return await t.query(async (ctx) => {
    const page = await ctx.runQuery(internal.httpBackups.list, {
      ip: null,
      accessKey: capture.key,
      workspace: 'acme',
      paginationOpts: { numItems: 10, cursor: null },
    });
    if (page.page[0]?.clientBackupId !== `s${count - 1}`) throw new Error('The first page is not the newest');
    return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
  });
}
