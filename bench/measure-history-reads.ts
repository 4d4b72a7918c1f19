import { convexTest } from 'convex-test';
import { api, internal } from '../convex/_generated/api';
import schema from '../convex/schema';
import { met, ratioText, type BenchRow } from './bench-row';

const modules = import.meta.glob('../convex/**/*.*s');

/** Documents one history page (10 entries) reads when workspace `acme` holds `count` backups. */
async function documentsReadForOnePage(count: number): Promise<number> {
  const t = convexTest(schema, modules);
  const capture = await t.mutation(internal.keys.create, {
    workspace: 'acme',
    role: 'capture',
    label: 'Bench',
  });
  await t.run(async (ctx) => {
    for (let i = 0; i < count; i += 1) {
      await ctx.db.insert('settingsBackups', {
        type: 'bot-names',
        clientBackupId: `s${i}`,
        data: JSON.stringify({ fields: [{ key: 'name', value: 'Robo' }] }),
        contentHash: 'hash-1',
        source: 'auto',
        capturedAt: 1_700_000_000_000 + i,
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
      accessKey: capture.key,
      workspace: 'acme',
      paginationOpts: { numItems: 10, cursor: null },
    });
    if (page.page[0]?.clientBackupId !== `s${count - 1}`) throw new Error('the first page is not the newest');
    return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
  });
}

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
