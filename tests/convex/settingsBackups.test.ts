import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import { MAX_SNAPSHOT_BYTES } from '../../convex/limits';
import { backupArgs, expectRefused, seededBackend } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createBackup', () => {
  test('stores a backup that the latest and the list return, and marks the workspace synced', async () => {
    const { t, capture } = await seededBackend();
    await t.action(api.writes.markSyncError, { ...capture, error: 'was offline' });
    const args = await backupArgs({ label: 'Before launch', device: 'laptop', note: 'n' });
    const { id, duplicate } = await t.action(api.writes.createBackup, { ...capture, ...args });
    expect(duplicate).toBe(false);

    const latest = await t.action(api.reads.getLatestBackup, { ...capture, type: 'bot-names' });
    expect(latest).toMatchObject({ ...args, id, workspace: 'acme', pinned: false, size: args.data.length });
    expect(latest?.createdAt).toBe(Date.now());
    expect(await t.query(internal.workspaces.getSyncStatus, { ...capture, ip: null })).toEqual({
      workspace: 'acme',
      lastSettingsSync: Date.now(),
      settingsSyncStatus: 'synced',
      settingsSyncError: null,
    });
  });

  test('stores one backup when the same clientBackupId is sent twice (a retried request)', async () => {
    const { t, capture } = await seededBackend();
    const args = await backupArgs();
    const first = await t.action(api.writes.createBackup, { ...capture, ...args });
    const retry = await t.action(api.writes.createBackup, { ...capture, ...args });
    expect(retry).toEqual({ id: first.id, duplicate: true, keyLabel: 'Laptop' });
    const all = await t.query(internal.testing.allBackups, { workspace: 'acme' });
    expect(all).toHaveLength(1);
  });

  test('keeps the same clientBackupId apart in two workspaces', async () => {
    const { t, capture, otherKey } = await seededBackend();
    const args = await backupArgs({ clientBackupId: 'same' });
    await t.action(api.writes.createBackup, { ...capture, ...args });
    const other = await t.action(api.writes.createBackup, {
      accessKey: otherKey,
      workspace: 'globex',
      ...args,
    });
    expect(other.duplicate).toBe(false);
  });

  test('round-trips a 5 MB snapshot with non-ASCII text through chunks', async () => {
    const { t, capture } = await seededBackend();
    const value = 'é🙂-'.repeat(750_000);
    const args = await backupArgs({}, { big: value });
    const data = args.data;
    const size = new TextEncoder().encode(data).length;
    expect(size).toBeGreaterThan(5_000_000);
    await t.action(api.writes.createBackup, { ...capture, ...args });

    const latest = await t.action(api.reads.getLatestBackup, { ...capture, type: 'bot-names' });
    expect(latest?.data === data).toBe(true);
    expect(latest?.size).toBe(size);
    const stored = await t.run(async (ctx) => ({
      backup: await ctx.db.query('settingsBackups').first(),
      chunks: await ctx.db.query('backupChunks').collect(),
    }));
    expect(stored.backup?.data).toBe('');
    expect(stored.backup?.chunkCount).toBe(stored.chunks.length);
    for (const chunk of stored.chunks)
      expect(new TextEncoder().encode(chunk.data).length).toBeLessThan(1_000_000);
  });

  test('refuses a snapshot above the size limit', async () => {
    const { t, capture } = await seededBackend();
    const data = JSON.stringify('x'.repeat(MAX_SNAPSHOT_BYTES));
    await expectRefused(
      t,
      async () => t.action(api.writes.createBackup, { ...capture, ...(await backupArgs({ data })) }),
      'TOO_LARGE',
    );
  });

  test.each([
    ['data that is not JSON', { data: '{not json' }],
    ['an empty type', { type: ' ' }],
    ['an empty clientBackupId', { clientBackupId: '' }],
    ['an overlong label', { label: 'l'.repeat(201) }],
    ['a capturedAt that is not a time', { capturedAt: Number.NaN }],
  ])('refuses %s as INVALID', async (_case, overrides) => {
    const { t, capture } = await seededBackend();
    await expectRefused(
      t,
      async () => t.action(api.writes.createBackup, { ...capture, ...(await backupArgs(overrides)) }),
      'INVALID',
    );
  });
});

describe('listBackups', () => {
  test('pages newest first and continues from continueCursor, per section or all', async () => {
    const { t, capture } = await seededBackend();
    for (let i = 0; i < 5; i++) {
      const type = i % 2 === 0 ? 'bot-names' : 'billing';
      await t.action(api.writes.createBackup, {
        ...capture,
        ...(await backupArgs({ clientBackupId: `b${i}`, type })),
      });
      vi.advanceTimersByTime(1000);
    }
    const first = await t.action(api.reads.listBackups, {
      ...capture,
      paginationOpts: { numItems: 3, cursor: null },
    });
    expect(first.page.map((b) => b.clientBackupId)).toEqual(['b4', 'b3', 'b2']);
    expect(first.isDone).toBe(false);
    const second = await t.action(api.reads.listBackups, {
      ...capture,
      paginationOpts: { numItems: 3, cursor: first.continueCursor },
    });
    expect(second.page.map((b) => b.clientBackupId)).toEqual(['b1', 'b0']);
    expect(second.isDone).toBe(true);

    const bots = await t.action(api.reads.listBackups, {
      ...capture,
      type: 'bot-names',
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(bots.page.map((b) => b.clientBackupId)).toEqual(['b4', 'b2', 'b0']);
  });

  test('caps a page at 100 backups', async () => {
    const { t, capture } = await seededBackend();
    await t.run(async (ctx) => {
      for (let i = 0; i < 120; i++) {
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
    const page = await t.action(api.reads.listBackups, {
      ...capture,
      paginationOpts: { numItems: 1000, cursor: null },
    });
    expect(page.page).toHaveLength(100);
  });

  test("never shows another workspace's backups", async () => {
    const { t, capture, otherKey } = await seededBackend();
    await t.action(api.writes.createBackup, { ...capture, ...(await backupArgs()) });
    const other = await t.action(api.reads.listBackups, {
      accessKey: otherKey,
      workspace: 'globex',
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(other.page).toEqual([]);
  });
});

describe('restore, delete and pin', () => {
  test('recordRestore returns the backup and records who restored it, when, and how it went', async () => {
    const { t, capture, admin } = await seededBackend();
    const args = await backupArgs({ clientBackupId: 'b1' });
    await t.action(api.writes.createBackup, { ...capture, ...args });
    const { auditId, backup } = await t.action(api.writes.recordRestore, {
      ...admin,
      clientBackupId: 'b1',
      device: 'desk',
      result: 'partial',
      report: '2 of 3 fields applied',
    });
    expect(backup.data).toBe(args.data);
    const audit = await t.query(internal.audit.listAudit, {
      ip: null,
      ...admin,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(audit.page).toEqual([
      {
        id: auditId,
        workspace: 'acme',
        action: 'restore',
        backupId: backup.id,
        clientBackupId: 'b1',
        keyLabel: 'Ops admin',
        device: 'desk',
        result: 'partial',
        report: '2 of 3 fields applied',
        at: Date.now(),
      },
    ]);
  });

  test('recordRestore, deleteBackup and setPinned refuse an unknown backup as NOT_FOUND', async () => {
    const { t, admin } = await seededBackend();
    const missing = { ...admin, clientBackupId: 'missing' };
    await expectRefused(
      t,
      () => t.action(api.writes.recordRestore, { ...missing, result: 'applied', report: '' }),
      'NOT_FOUND',
    );
    await expectRefused(t, () => t.action(api.writes.deleteBackup, missing), 'NOT_FOUND');
    await expectRefused(t, () => t.action(api.writes.setPinned, { ...missing, pinned: true }), 'NOT_FOUND');
  });

  test('deleteBackup removes the backup and its chunks and is audited', async () => {
    const { t, capture, admin } = await seededBackend();
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: 'big' }, { big: 'y'.repeat(1_200_000) })),
    });
    await t.action(api.writes.deleteBackup, { ...admin, clientBackupId: 'big', device: 'desk' });
    const left = await t.run(async (ctx) => ({
      backups: await ctx.db.query('settingsBackups').collect(),
      chunks: await ctx.db.query('backupChunks').collect(),
    }));
    expect(left).toEqual({ backups: [], chunks: [] });
    const audit = await t.query(internal.audit.listAudit, {
      ip: null,
      ...admin,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(audit.page[0]).toMatchObject({ action: 'delete', clientBackupId: 'big', keyLabel: 'Ops admin' });
  });

  test('setPinned pins and unpins, each audited', async () => {
    const { t, capture, admin } = await seededBackend();
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: 'b1' })),
    });
    await t.action(api.writes.setPinned, { ...admin, clientBackupId: 'b1', pinned: true });
    let latest = await t.action(api.reads.getLatestBackup, { ...capture, type: 'bot-names' });
    expect(latest?.pinned).toBe(true);
    vi.advanceTimersByTime(1000);
    await t.action(api.writes.setPinned, { ...admin, clientBackupId: 'b1', pinned: false });
    latest = await t.action(api.reads.getLatestBackup, { ...capture, type: 'bot-names' });
    expect(latest?.pinned).toBe(false);
    const audit = await t.query(internal.audit.listAudit, {
      ip: null,
      ...admin,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(audit.page.map((e) => e.action)).toEqual(['unpin', 'pin']);
  });
});

describe('sync status', () => {
  test('markSyncError sets status error and keeps the time of the last good sync', async () => {
    const { t, capture } = await seededBackend();
    await t.action(api.writes.createBackup, { ...capture, ...(await backupArgs()) });
    const syncedAt = Date.now();
    vi.advanceTimersByTime(60_000);
    await t.action(api.writes.markSyncError, { ...capture, error: 'Network down' });
    expect(await t.query(internal.workspaces.getSyncStatus, { ...capture, ip: null })).toEqual({
      workspace: 'acme',
      lastSettingsSync: syncedAt,
      settingsSyncStatus: 'error',
      settingsSyncError: 'Network down',
    });
  });

  test('a workspace that never synced reports nulls', async () => {
    const { t, capture } = await seededBackend();
    expect(await t.query(internal.workspaces.getSyncStatus, { ...capture, ip: null })).toEqual({
      workspace: 'acme',
      lastSettingsSync: null,
      settingsSyncStatus: null,
      settingsSyncError: null,
    });
  });
});
