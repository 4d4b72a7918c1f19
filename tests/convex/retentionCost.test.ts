// Retention runs after every backup, and judging a section reads its backups newest first: at 200 backups (the
// default retention) that is some 200 documents, data included, for every save, which a deployment pays for in
// database bandwidth. A section within its retention has nothing to remove, and is not read again.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import { documentsReadForRetention } from '../support/retention-reads';
import { backupArgs, seededBackend, type Backend } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Creates `count` backups of `bot-names` through the extension's API, each a second after the one before. */
async function backUp(
  t: Backend,
  capture: { accessKey: string; workspace: string },
  count: number,
  from = 0,
) {
  for (let i = from; i < from + count; i++) {
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: `b${i}` }, { name: `Robo ${i}` })),
    });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    vi.advanceTimersByTime(1000);
  }
}

/** Documents read by one retention call on section `bot-names`, as Convex counts them for the transaction. */
async function documentsReadByRetention(t: Backend): Promise<number> {
  return await t.mutation(async (ctx) => {
    await ctx.runMutation(internal.settingsBackups.pruneSection, { workspace: 'acme', type: 'bot-names' });
    return (await ctx.meta.getTransactionMetrics()).documentsRead.used;
  });
}

async function idsLeft(t: Backend): Promise<string[]> {
  return (await t.query(internal.testing.allBackups, { workspace: 'acme' })).map((b) => b.clientBackupId);
}

test('a backup of a section within its retention reads no backups for retention', async () => {
  const { t, capture } = await seededBackend();
  await backUp(t, capture, 60);
  // The workspace's row and what it knows of the section: not its 60 backups.
  expect(await documentsReadByRetention(t)).toBeLessThanOrEqual(3);
  expect(await idsLeft(t)).toHaveLength(60);
});

test('after a backup of a section of 150 (retention 200), retention reads nothing; before it counted, all 151', async () => {
  expect(await documentsReadForRetention(150, true)).toBe(0);
  expect(await documentsReadForRetention(150, false)).toBeGreaterThan(150);
});

test('once a section outgrows its retention, its oldest backups go, exactly as before', async () => {
  const { t, capture, admin } = await seededBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 5 });
  await backUp(t, capture, 5);
  expect(await idsLeft(t)).toEqual(['b4', 'b3', 'b2', 'b1', 'b0']);
  await backUp(t, capture, 2, 5);
  expect(await idsLeft(t)).toEqual(['b6', 'b5', 'b4', 'b3', 'b2']);
  // An admin's delete leaves room for one more, which then stays.
  await t.action(api.writes.deleteBackup, { ...admin, clientBackupId: 'b4' });
  await backUp(t, capture, 1, 7);
  expect(await idsLeft(t)).toEqual(['b7', 'b6', 'b5', 'b3', 'b2']);
  await backUp(t, capture, 1, 8);
  expect(await idsLeft(t)).toEqual(['b8', 'b7', 'b6', 'b5', 'b3']);
  // A lower retention set by an admin applies at once.
  await t.action(api.writes.setRetention, { ...admin, retention: 2 });
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  expect(await idsLeft(t)).toEqual(['b8', 'b7']);
});

test('a section whose backups were stored before Savepoint counted them is judged in full once, then counted', async () => {
  const { t, capture, captureKeyId } = await seededBackend();
  // 30 backups written by an earlier version: no count of the section yet.
  await t.run(async (ctx) => {
    for (let i = 0; i < 30; i++) {
      await ctx.db.insert('settingsBackups', {
        ...(await backupArgs({ clientBackupId: `old${i}` })),
        workspace: 'acme',
        chunkCount: 0,
        size: 10,
        createdAt: i,
        keyId: captureKeyId,
        keyLabel: 'Laptop',
        pinned: false,
      });
    }
  });
  expect(await documentsReadByRetention(t)).toBeGreaterThanOrEqual(30);
  await backUp(t, capture, 1);
  expect(await documentsReadByRetention(t)).toBeLessThanOrEqual(3);
  expect(await idsLeft(t)).toHaveLength(31);
});

test('a section at its retention is read once in `1 % + 1` backups, holding at most 1 % more between (as each device does)', async () => {
  const { t, capture, admin } = await seededBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 100 });
  await backUp(t, capture, 100);
  expect(await idsLeft(t)).toHaveLength(100);
  // 101: within the 1 % slack, nothing read; 102: beyond it, the section is judged and cut back to 100.
  await backUp(t, capture, 1, 100);
  expect(await documentsReadByRetention(t)).toBeLessThanOrEqual(3);
  expect(await idsLeft(t)).toHaveLength(101);
  await backUp(t, capture, 1, 101);
  const left = await idsLeft(t);
  expect(left).toHaveLength(100);
  expect([left[0], left.at(-1)]).toEqual(['b101', 'b2']);
});

test("an admin deleting backups makes no room for another key's beyond its retention", async () => {
  const { t, capture, admin } = await seededBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 5 });
  // 5 backups of the capture key and 6 of the admin's: the admin's oldest goes, 10 stay.
  await backUp(t, capture, 5);
  await backUp(t, admin, 6, 100);
  expect(await idsLeft(t)).toHaveLength(10);
  for (let i = 101; i < 106; i++)
    await t.action(api.writes.deleteBackup, { ...admin, clientBackupId: `b${i}` });
  // The capture key's next 5 backups push out its own 5 older ones: it keeps 5, as its retention says.
  await backUp(t, capture, 5, 5);
  expect((await idsLeft(t)).filter((id) => Number(id.slice(1)) < 100)).toEqual([
    'b9',
    'b8',
    'b7',
    'b6',
    'b5',
  ]);
});
