import { describe, expect, test } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import { backupArgs, everything, expectRefused, seededBackend, type Backend } from './fixture';

type Access = { accessKey: string; workspace: string };
type PublicCall = {
  name: string;
  role: 'capture' | 'admin';
  call: (t: Backend, access: Access) => Promise<unknown>;
};

const page = { numItems: 10, cursor: null };

/**
 * Every public function that takes a workspace, and the internal keyed queries (called with the caller's IP), with
 * valid arguments besides the access ones.
 */
const publicCalls: PublicCall[] = [
  {
    name: 'writes:createBackup',
    role: 'capture',
    call: async (t, a) => t.action(api.writes.createBackup, { ...a, ...(await backupArgs()) }),
  },
  {
    name: 'writes:recordRestore',
    role: 'admin',
    call: (t, a) =>
      t.action(api.writes.recordRestore, {
        ...a,
        clientBackupId: 'b1',
        result: 'applied',
        report: 'ok',
      }),
  },
  {
    name: 'writes:deleteBackup',
    role: 'admin',
    call: (t, a) => t.action(api.writes.deleteBackup, { ...a, clientBackupId: 'b1' }),
  },
  {
    name: 'writes:setPinned',
    role: 'admin',
    call: (t, a) => t.action(api.writes.setPinned, { ...a, clientBackupId: 'b1', pinned: true }),
  },
  {
    name: 'workspaces:getSyncStatus',
    role: 'capture',
    call: (t, a) => t.query(internal.workspaces.getSyncStatus, { ...a, ip: null }),
  },
  {
    name: 'writes:markSyncError',
    role: 'capture',
    call: (t, a) => t.action(api.writes.markSyncError, { ...a, error: 'offline' }),
  },
  {
    name: 'writes:setRetention',
    role: 'admin',
    call: (t, a) => t.action(api.writes.setRetention, { ...a, retention: 5 }),
  },
  { name: 'reads:whoami', role: 'capture', call: (t, a) => t.action(api.reads.whoami, a) },
  {
    name: 'writes:beginRestore',
    role: 'admin',
    call: (t, a) => t.action(api.writes.beginRestore, { ...a, clientBackupId: 'b1' }),
  },
  {
    name: 'reads:listBackups',
    role: 'capture',
    call: (t, a) => t.action(api.reads.listBackups, { ...a, paginationOpts: page }),
  },
  {
    name: 'reads:getLatestBackup',
    role: 'capture',
    call: (t, a) => t.action(api.reads.getLatestBackup, { ...a, type: 'bot-names' }),
  },
  {
    name: 'audit:listAudit',
    role: 'admin',
    call: (t, a) => t.query(internal.audit.listAudit, { ip: null, ...a, paginationOpts: page }),
  },
];

/** A backend where backup `b1` exists, so admin calls have something to act on. */
async function backendWithBackup() {
  const seeded = await seededBackend();
  await seeded.t.action(api.writes.createBackup, {
    ...seeded.capture,
    ...(await backupArgs({ clientBackupId: 'b1' })),
  });
  return seeded;
}

describe.each(publicCalls)('$name', ({ role, call }) => {
  test('succeeds with a key of the workspace that has the role', async () => {
    const { t, admin, capture } = await backendWithBackup();
    await expect(call(t, role === 'admin' ? admin : capture)).resolves.not.toThrow();
  });

  test('refuses an unknown key', async () => {
    const { t } = await backendWithBackup();
    const access = { accessKey: 'sp_not-a-real-key-at-all', workspace: 'acme' };
    await expectRefused(t, () => call(t, access), 'UNAUTHENTICATED');
  });

  test('refuses a missing key', async () => {
    const { t } = await backendWithBackup();
    await expectRefused(t, () => call(t, { accessKey: '', workspace: 'acme' }), 'UNAUTHENTICATED');
  });

  test("refuses another workspace's key", async () => {
    const { t, otherKey } = await backendWithBackup();
    await expectRefused(
      t,
      () => call(t, { accessKey: otherKey, workspace: 'acme' }),
      'FORBIDDEN',
      'Access key "Globex" does not cover workspace "acme"; it covers "globex"',
    );
  });

  test('refuses a revoked key', async () => {
    const { t } = await backendWithBackup();
    const { key, keyId } = await t.mutation(internal.keys.create, {
      workspace: 'acme',
      role: 'admin',
      label: 'Old',
    });
    await t.mutation(internal.keys.revoke, { keyId });
    await expectRefused(t, () => call(t, { accessKey: key, workspace: 'acme' }), 'UNAUTHENTICATED');
  });

  test.runIf(role === 'admin')('refuses a capture key', async () => {
    const { t, capture } = await backendWithBackup();
    await expectRefused(t, () => call(t, capture), 'FORBIDDEN');
  });

  test('refuses arguments of the wrong shape without writing', async () => {
    const { t, admin } = await backendWithBackup();
    const before = await everything(t);
    await expect(call(t, { ...admin, accessKey: 42 as unknown as string })).rejects.toThrow(
      /Validator error/,
    );
    expect(await everything(t)).toEqual(before);
  });
});

describe('reads:whoami', () => {
  test('tells a key its workspace, role and label when no workspace is given', async () => {
    const { t, captureKey } = await seededBackend();
    expect(await t.action(api.reads.whoami, { accessKey: captureKey })).toEqual({
      workspace: 'acme',
      workspaces: ['acme'],
      role: 'capture',
      label: 'Laptop',
    });
  });

  test('refuses an unknown key without a workspace', async () => {
    const { t } = await seededBackend();
    await expectRefused(
      t,
      () => t.action(api.reads.whoami, { accessKey: 'sp_nope-nope-nope' }),
      'UNAUTHENTICATED',
    );
  });
});

describe('keys', () => {
  test('stores only the SHA-256 of a new key, which starts with sp_', async () => {
    const { t, adminKey } = await seededBackend();
    expect(adminKey).toMatch(/^sp_[A-Za-z0-9_-]{43}$/);
    const stored = await t.run(async (ctx) => await ctx.db.query('accessKeys').collect());
    expect(JSON.stringify(stored)).not.toContain(adminKey);
    expect(stored.every((k) => /^[0-9a-f]{64}$/.test(k.keyHash))).toBe(true);
  });

  test('lists keys of a workspace with revocations and without secrets', async () => {
    const { t, captureKeyId } = await seededBackend();
    await t.mutation(internal.keys.revoke, { keyId: captureKeyId });
    const keys = await t.query(internal.keys.list, { workspace: 'acme' });
    expect(keys.map((k) => [k.label, k.role, k.revokedAt !== undefined])).toEqual([
      ['Ops admin', 'admin', false],
      ['Laptop', 'capture', true],
    ]);
  });

  test('creates the workspace row with the first key', async () => {
    const { t } = await seededBackend();
    expect(await t.query(internal.testing.workspaceRow, { workspace: 'globex' })).toEqual({ slug: 'globex' });
  });
});
