// SECURITY: the per-IP failed-key-check budget (README: "429 ... after 10 failed key checks a minute from one IP")
// must hold for every way a client can check a key. Public queries that took an access key (workspaces:whoami,
// settingsBackups:listBackups / getLatestBackup, workspaces:getSyncStatus, audit:listAudit) passed ip: null to
// authenticate(): they neither counted a failed guess nor refused an IP that spent its budget, so key guessing
// through them was unlimited. A Convex query cannot hold them to it (it cannot see the caller's IP, and cannot
// write), so no public query may take a key: clients read through the reads:* actions, which count.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { api } from '../../convex/_generated/api';
import { FAILED_KEY_CHECK_LIMIT } from '../../convex/rateLimits';
import { backupArgs, modules, seededBackend } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Registered = { isQuery?: boolean; isPublic?: boolean; exportArgs?: () => string };

test('no public query takes an access key', async () => {
  const keyed: string[] = [];
  for (const [file, load] of Object.entries(modules)) {
    if (file.includes('/_generated/')) continue;
    const name = file.replace('../../convex/', '').replace(/\.ts$/, '');
    for (const [exported, fn] of Object.entries((await load()) as Record<string, Registered>)) {
      if (fn?.isQuery !== true || fn.isPublic !== true) continue;
      const args = JSON.parse(fn.exportArgs?.() ?? '{}') as { value?: Record<string, unknown> };
      if (args.value !== undefined && 'accessKey' in args.value) keyed.push(`${name}:${exported}`);
    }
  }
  expect(keyed).toEqual([]);
});

test('the reads clients use are held to the per-IP failed-check budget', async () => {
  const { t, capture } = await seededBackend();
  const attacker = t.withRequestMetadata({ ip: '203.0.113.9' });
  // Guesses through the read the extension uses for "Test connection" are counted: the budget, then refused.
  for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity; i++) {
    await expect(
      attacker.action(api.reads.whoami, { accessKey: `sp_guess-${i}-guess-guess-guess` }),
    ).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  }
  for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity * 5; i++) {
    await expect(
      attacker.action(api.reads.whoami, { accessKey: `sp_more-${i}-guess-guess-guess` }),
    ).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
  }
  // An IP locked out over HTTP is refused by every read, even with a right key.
  const other = t.withRequestMetadata({ ip: '203.0.113.10' });
  for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity; i++) {
    await other.fetch('/settings-backups?workspace=acme', {
      headers: { Authorization: 'Bearer sp_guess-guess-guess' },
    });
  }
  for (const read of [
    () => other.action(api.reads.whoami, { accessKey: capture.accessKey }),
    () => other.action(api.reads.listBackups, { ...capture, paginationOpts: { numItems: 5, cursor: null } }),
    () => other.action(api.reads.getLatestBackup, { ...capture, type: 'bot-names' }),
    () => other.action(api.reads.listChanges, { ...capture, after: 0 }),
  ]) {
    await expect(read()).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
  }
});

// SECURITY: the same budget must hold for writes. A public mutation that took a key could not count a wrong one (a
// refused mutation rolls back, the failed check with it), so key guessing through writes was unlimited. Clients
// write through the writes:* actions, which count, and the keyed mutations behind them are internal.

test('no public mutation takes an access key', async () => {
  const keyed: string[] = [];
  for (const [file, load] of Object.entries(modules)) {
    if (file.includes('/_generated/')) continue;
    const name = file.replace('../../convex/', '').replace(/\.ts$/, '');
    for (const [exported, fn] of Object.entries(
      (await load()) as Record<string, Registered & { isMutation?: boolean }>,
    )) {
      if (fn?.isMutation !== true || fn.isPublic !== true) continue;
      const args = JSON.parse(fn.exportArgs?.() ?? '{}') as { value?: Record<string, unknown> };
      if (args.value !== undefined && 'accessKey' in args.value) keyed.push(`${name}:${exported}`);
    }
  }
  expect(keyed).toEqual([]);
});

test('the writes clients use are held to the per-IP failed-check budget', async () => {
  const { t, capture, admin } = await seededBackend();
  const attacker = t.withRequestMetadata({ ip: '203.0.113.9' });
  const backup = await backupArgs({ clientBackupId: 'b1' });
  // Guesses through the write the sync engine retries are counted: the budget, then refused even with a right key.
  for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity; i++) {
    await expect(
      attacker.action(api.writes.createBackup, {
        accessKey: `sp_guess-${i}-guess-guess-guess`,
        workspace: 'acme',
        ...backup,
      }),
    ).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  }
  for (const write of [
    () => attacker.action(api.writes.createBackup, { ...capture, ...backup }),
    () => attacker.action(api.writes.markSyncError, { ...capture, error: 'offline' }),
    () => attacker.action(api.writes.setPinned, { ...admin, clientBackupId: 'b1', pinned: true }),
    () => attacker.action(api.writes.deleteBackup, { ...admin, clientBackupId: 'b1' }),
    () =>
      attacker.action(api.writes.recordRestore, {
        ...admin,
        clientBackupId: 'b1',
        result: 'applied',
        report: '',
      }),
    () => attacker.action(api.writes.beginRestore, { ...admin, clientBackupId: 'b1' }),
    () => attacker.action(api.writes.setRetention, { ...admin, retention: 5 }),
  ]) {
    await expect(write()).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
  }
  // Another IP is not held to the attacker's budget; the attacker's ends after a while.
  const neighbour = t.withRequestMetadata({ ip: '198.51.100.1' });
  expect(await neighbour.action(api.writes.createBackup, { ...capture, ...backup })).toMatchObject({
    duplicate: false,
  });
  vi.advanceTimersByTime(FAILED_KEY_CHECK_LIMIT.period);
  expect(await attacker.action(api.writes.createBackup, { ...capture, ...backup })).toMatchObject({
    duplicate: true,
  });
});

test('a wrong key through a write locks the IP out of reads, and a refused write still rolls back', async () => {
  const { t, capture } = await seededBackend();
  const attacker = t.withRequestMetadata({ ip: '203.0.113.11' });
  for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity; i++) {
    await expect(
      attacker.action(api.writes.markSyncError, {
        accessKey: `sp_guess-${i}-guess`,
        workspace: 'acme',
        error: 'x',
      }),
    ).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  }
  await expect(attacker.action(api.reads.whoami, { accessKey: capture.accessKey })).rejects.toMatchObject({
    data: { code: 'RATE_LIMITED' },
  });
  // A capture key refused by an admin write changes nothing: the mutation behind the action is one transaction.
  const other = t.withRequestMetadata({ ip: '198.51.100.2' });
  const workspaces = async () => await t.run(async (ctx) => await ctx.db.query('workspaces').collect());
  const before = await workspaces();
  await expect(other.action(api.writes.setRetention, { ...capture, retention: 1 })).rejects.toMatchObject({
    data: { code: 'FORBIDDEN', message: 'Changing the retention needs an admin key; this is a capture key' },
  });
  expect(await workspaces()).toEqual(before);
  expect(await t.run(async (ctx) => await ctx.db.query('auditLog').collect())).toEqual([]);
});
