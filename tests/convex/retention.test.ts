import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import { MAX_RETENTION } from '../../convex/sharedLimits';
import { parseRetention } from '../../lib/options/parse-retention';
import { backupArgs, seededBackend } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('keeps the newest N backups of a section plus pinned ones, and removes the chunks of the rest', async () => {
  const { t, capture, admin } = await seededBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 3 });
  for (let i = 0; i < 6; i++) {
    // The second backup is chunked (600 KB), so retention must remove its chunks too.
    const values: Record<string, string> = i === 1 ? { big: 'z'.repeat(600_000) } : { name: 'Robo' };
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: `b${i}` }, values)),
    });
    if (i === 0) await t.action(api.writes.setPinned, { ...admin, clientBackupId: 'b0', pinned: true });
    vi.advanceTimersByTime(1000);
  }
  await t.action(api.writes.createBackup, {
    ...capture,
    ...(await backupArgs({ clientBackupId: 'other-section', type: 'billing' })),
  });
  await t.finishAllScheduledFunctions(vi.runAllTimers);

  const left = await t.query(internal.testing.allBackups, { workspace: 'acme' });
  expect(left.map((b) => b.clientBackupId)).toEqual(['other-section', 'b5', 'b4', 'b3', 'b0']);
  expect(await t.run(async (ctx) => await ctx.db.query('backupChunks').collect())).toEqual([]);
  const audit = await t.query(internal.audit.listAudit, {
    ip: null,
    ...admin,
    paginationOpts: { numItems: 1, cursor: null },
  });
  expect(audit.page[0]).toMatchObject({ action: 'retention', keyLabel: 'retention' });
});

test('keeps 200 backups per section by default', async () => {
  const { t, capture } = await seededBackend();
  await t.run(async (ctx) => {
    for (let i = 0; i < 205; i++) {
      await ctx.db.insert('settingsBackups', {
        ...(await backupArgs({ clientBackupId: `s${i}` })),
        workspace: 'acme',
        chunkCount: 0,
        size: 10,
        createdAt: i,
        pinned: false,
      });
    }
  });
  await t.action(api.writes.createBackup, {
    ...capture,
    ...(await backupArgs({ clientBackupId: 'new' })),
  });
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  const left = await t.query(internal.testing.allBackups, { workspace: 'acme' });
  expect(left).toHaveLength(200);
  expect(left[0]?.clientBackupId).toBe('new');
  expect(left.at(-1)?.clientBackupId).toBe('s6');
});

test('setRetention refuses a retention below 1', async () => {
  const { t, admin } = await seededBackend();
  await expect(t.action(api.writes.setRetention, { ...admin, retention: 0 })).rejects.toMatchObject({
    data: { code: 'INVALID' },
  });
});

test('the most backups the options page lets a device keep is what a workspace may keep in Convex', async () => {
  const { t, admin } = await seededBackend();
  const most = parseRetention(String(MAX_RETENTION));
  expect(most).toEqual({ value: MAX_RETENTION });
  await t.action(api.writes.setRetention, { ...admin, retention: MAX_RETENTION });
  expect(parseRetention(String(MAX_RETENTION + 1))).toHaveProperty('error');
  await expect(
    t.action(api.writes.setRetention, { ...admin, retention: MAX_RETENTION + 1 }),
  ).rejects.toMatchObject({ data: { code: 'INVALID' } });
});
