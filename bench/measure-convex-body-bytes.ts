import { convexTest } from 'convex-test';
import { api, internal } from '../convex/_generated/api';
import type { Doc } from '../convex/_generated/dataModel';
import { readBackup } from '../convex/backupStore';
import schema from '../convex/schema';
import { contentHash } from '../lib/capture/canonical-json';
import { medianMs } from './stats';
import { bytes, met, ms, ratioText, type BenchRow } from './bench-row';
import { bigSnapshot, SAVES, VALUE_CHARS } from './measure-body-bytes';

const modules = import.meta.glob('../convex/**/*.*s');

/**
 * Row 9, Convex: bytes of `settingsBackups` data and chunks after 1,000 one-field changes of a ~100 KB page sent
 * through `createBackup` (convex-test), against one backup; and the time to read the oldest back whole.
 */
export async function measureConvexBodyBytes(): Promise<BenchRow[]> {
  const t = convexTest(schema, modules);
  const admin = await t.mutation(internal.keys.create, { workspace: 'acme', role: 'admin', label: 'Bench' });
  const access = { accessKey: admin.key, workspace: 'acme' };
  // Keep all of them: the default retention (200) would prune the history this row measures.
  await t.action(api.writes.setRetention, { ...access, retention: SAVES * 2 });
  const storedBytes = async () =>
    await t.run(async (ctx) => {
      let total = 0;
      for (const row of await ctx.db.query('settingsBackups').collect())
        total += new TextEncoder().encode(row.data).byteLength;
      for (const chunk of await ctx.db.query('backupChunks').collect())
        total += new TextEncoder().encode(chunk.data).byteLength;
      return total;
    });
  const snapshot = bigSnapshot();
  let one = 0;
  for (let i = 0; i < SAVES; i += 1) {
    const field = snapshot.fields[i % snapshot.fields.length];
    if (field && i > 0) field.value = `changed ${i} `.padEnd(VALUE_CHARS, 'y');
    await t.action(api.writes.createBackup, {
      ...access,
      type: snapshot.type,
      clientBackupId: `bench-${i}`,
      data: JSON.stringify(snapshot),
      contentHash: await contentHash(snapshot),
      source: 'auto',
      capturedAt: 1_700_000_000_000 + i,
    });
    if (i === 0) one = await storedBytes();
  }
  const total = await storedBytes();
  const rows = await t.run(async (ctx) => await ctx.db.query('settingsBackups').collect());
  const deltas = rows.filter((row) => row.baseId !== undefined).length;
  const byId = (id: string): Doc<'settingsBackups'> => rows.find((row) => row.clientBackupId === id)!;
  const read = (doc: Doc<'settingsBackups'>) => () => t.run(async (ctx) => await readBackup(ctx, doc));
  const oldest = await medianMs(5, read(byId('bench-0')));
  const newest = await medianMs(5, read(byId(`bench-${SAVES - 1}`)));
  return [
    {
      figure: `9. stored backup bytes after ${SAVES.toLocaleString('en')} one-field changes (~100 KB page), Convex`,
      value: `${bytes(total)} in ${rows.length} rows (${deltas} deltas)`,
      baseline: `${bytes(one)} (one save)`,
      ratio: ratioText(total, one),
      target: '≤ 3×',
      met: met(total <= 3 * one),
    },
    {
      figure: `9. rebuild the oldest of ${SAVES.toLocaleString('en')} backups, Convex (convex-test)`,
      value: ms(oldest),
      baseline: `${ms(newest)} (read the newest)`,
      ratio: ratioText(oldest, newest),
      target: '— (none set)',
      met: '—',
    },
  ];
}
