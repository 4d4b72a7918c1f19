import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import { MAX_CLOCK_SKEW } from '../../convex/limits';
import { FAILED_KEY_CHECK_LIMIT } from '../../convex/rateLimits';
import { canonicalJson } from '../../lib/capture/canonical-json';
import { sha256Hex } from '../../lib/capture/sha256-hex';
import { backupArgs, everything, expectRefused, seededBackend, snapshotOf } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function post(key: string | null, body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

async function stored(t: Awaited<ReturnType<typeof seededBackend>>['t']) {
  return await t.query(internal.testing.allBackups, { workspace: 'acme' });
}

describe('a capture key cannot make the server take its word (issue 13, item 3)', () => {
  test('refuses a contentHash that is not the hash of the snapshot', async () => {
    const { t, capture } = await seededBackend();
    const real = await backupArgs({}, { name: 'Robo' });
    const forged = await backupArgs({ contentHash: real.contentHash }, { name: 'Evil' });
    await expectRefused(
      t,
      () => t.action(api.writes.createBackup, { ...capture, ...forged }),
      'INVALID',
      'contentHash does not match the snapshot',
    );
  });

  test.each([
    ['a title that is not text', { ...snapshotOf('bot-names', { name: 'x' }), title: {} }],
    ['no fields', { type: 'bot-names', title: 'Bot names' }],
    ['a JSON array', [1, 2, 3]],
    ['another section than the backup', snapshotOf('billing', { plan: 'pro' })],
  ])('refuses data that is not a snapshot of the section: %s', async (_case, data) => {
    const { t, capture } = await seededBackend();
    const args = await backupArgs({ data: JSON.stringify(data) });
    await expectRefused(t, () => t.action(api.writes.createBackup, { ...capture, ...args }), 'INVALID');
  });

  test("a capture key's backup claiming to be a restore is recorded as a capture", async () => {
    const { t, capture, admin } = await seededBackend();
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: 'claimed', source: 'restore' })),
    });
    await t.action(api.writes.createBackup, {
      ...admin,
      ...(await backupArgs({ clientBackupId: 'admin', source: 'restore' })),
    });
    const sources = Object.fromEntries((await stored(t)).map((b) => [b.clientBackupId, b.source]));
    expect(sources).toEqual({ claimed: 'auto', admin: 'restore' });
  });

  test('a capturedAt in the future beyond the clock skew is recorded as the server time', async () => {
    const { t, capture } = await seededBackend();
    const now = Date.now();
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: 'future', capturedAt: now + 365 * 24 * 3600_000 })),
    });
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: 'skewed', capturedAt: now + MAX_CLOCK_SKEW })),
    });
    const at = Object.fromEntries((await stored(t)).map((b) => [b.clientBackupId, b.capturedAt]));
    expect(at).toEqual({ future: now, skewed: now + MAX_CLOCK_SKEW });
  });

  test('records the label of the key that wrote a backup, whatever device it claims', async () => {
    const { t, capture } = await seededBackend();
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ device: 'CEO laptop' })),
    });
    expect((await stored(t))[0]).toMatchObject({ device: 'CEO laptop', keyLabel: 'Laptop' });
  });

  test('stores the snapshot as its schema reads it, without extra members', async () => {
    const { t, capture } = await seededBackend();
    const snapshot = { ...snapshotOf('bot-names', { name: 'Robo' }), smuggled: 'x'.repeat(1000) };
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ data: JSON.stringify(snapshot) })),
    });
    expect((await stored(t))[0]?.data).not.toContain('smuggled');
  });

  test('HTTP API backups are marked api, hashed by the server as canonical JSON, and cannot claim a source', async () => {
    const { t, captureKey } = await seededBackend();
    const body = { workspace: 'acme', type: 'bot-names', data: { b: 1, a: [2, 3] } };
    expect((await t.fetch('/settings-backup', post(captureKey, body))).status).toBe(201);
    const [backup] = await stored(t);
    expect(backup).toMatchObject({ source: 'api', keyLabel: 'Laptop' });
    expect(backup?.contentHash).toBe(await sha256Hex(canonicalJson({ a: [2, 3], b: 1 })));

    const before = await everything(t);
    const restore = await t.fetch('/settings-backup', post(captureKey, { ...body, source: 'restore' }));
    expect(restore.status).toBe(400);
    expect(await restore.json()).toEqual({
      error: { code: 'INVALID', message: expect.stringContaining('"api"') },
    });
    expect((await everything(t)).settingsBackups).toEqual(before.settingsBackups);
  });
});

describe('restores are admin-only and audited before they run (issue 13, item 6)', () => {
  test('writes:beginRestore refuses a capture key with a clear code and message, and writes nothing', async () => {
    const { t, capture } = await seededBackend();
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: 'b1' })),
    });
    await expectRefused(
      t,
      () => t.action(api.writes.beginRestore, { ...capture, clientBackupId: 'b1', device: 'desk' }),
      'FORBIDDEN',
      'Restoring needs an admin key; this is a capture key',
    );
  });

  test('begin writes the audit entry before the restore, finish records the outcome once', async () => {
    const { t, capture, admin } = await seededBackend();
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: 'b1' })),
    });
    const { restoreId } = await t.action(api.writes.beginRestore, {
      ...admin,
      clientBackupId: 'b1',
      device: 'desk',
    });
    const audit = () =>
      t.query(internal.audit.listAudit, {
        ip: null,
        ...admin,
        paginationOpts: { numItems: 10, cursor: null },
      });
    expect((await audit()).page).toEqual([
      expect.objectContaining({
        id: restoreId,
        action: 'restore',
        clientBackupId: 'b1',
        keyLabel: 'Ops admin',
      }),
    ]);
    expect((await audit()).page[0]?.result).toBeUndefined();

    vi.advanceTimersByTime(5000);
    await t.action(api.writes.finishRestore, { ...admin, restoreId, result: 'partial', report: '1 of 2' });
    expect((await audit()).page[0]).toMatchObject({
      result: 'partial',
      report: '1 of 2',
      finishedAt: Date.now(),
    });
    await expectRefused(
      t,
      () => t.action(api.writes.finishRestore, { ...admin, restoreId, result: 'applied', report: '' }),
      'INVALID',
    );
  });

  test('begin works for a backup Convex does not have yet (still in the outbox), recording its id', async () => {
    const { t, admin } = await seededBackend();
    const { restoreId } = await t.action(api.writes.beginRestore, { ...admin, clientBackupId: 'local-only' });
    const entry = await t.run(async (ctx) => await ctx.db.get(restoreId));
    expect(entry).toMatchObject({ clientBackupId: 'local-only', action: 'restore' });
    expect(entry?.backupId).toBeUndefined();
  });

  test("finish refuses another workspace's restore", async () => {
    const { t, admin, otherKey } = await seededBackend();
    const { restoreId } = await t.action(api.writes.beginRestore, { ...admin, clientBackupId: 'x' });
    await expectRefused(
      t,
      () =>
        t.action(api.writes.finishRestore, {
          accessKey: otherKey,
          workspace: 'globex',
          restoreId,
          result: 'applied',
          report: '',
        }),
      'NOT_FOUND',
    );
  });

  test.each([
    ['writes:deleteBackup', 'Deleting a backup needs an admin key; this is a capture key'],
    ['writes:setPinned', 'Pinning needs an admin key; this is a capture key'],
  ])('%s refuses a capture key saying why', async (name, message) => {
    const { t, capture } = await seededBackend();
    await t.action(api.writes.createBackup, {
      ...capture,
      ...(await backupArgs({ clientBackupId: 'b1' })),
    });
    await expectRefused(
      t,
      () =>
        name === 'writes:deleteBackup'
          ? t.action(api.writes.deleteBackup, { ...capture, clientBackupId: 'b1' })
          : t.action(api.writes.setPinned, { ...capture, clientBackupId: 'b1', pinned: true }),
      'FORBIDDEN',
      message,
    );
  });
});

describe('hardening (issue 13, item 9)', () => {
  test('keys:create refuses a chosen key shorter than 32 characters', async () => {
    const { t } = await seededBackend();
    await expect(
      t.mutation(internal.keys.create, {
        workspace: 'acme',
        role: 'admin',
        label: 'weak',
        key: 'sp_0123456789abcdef',
      }),
    ).rejects.toMatchObject({ data: { code: 'INVALID' } });
  });

  test('the HTTP API checks the key before the body: 401 for a bad key with a bad body', async () => {
    const { t } = await seededBackend();
    const response = await t.fetch('/settings-backup', post('sp_guess-guess-guess-guess', '{oops'));
    expect(response.status).toBe(401);
    const list = await t.fetch('/settings-backups?limit=5000', {
      headers: { Authorization: 'Bearer sp_guess-guess-guess-guess' },
    });
    expect(list.status).toBe(401);
  });

  test.each([
    [{ workspace: 'acme', type: 'bot-names', data: {}, label: 7 }, 'label must be text of at most 200'],
    [{ workspace: 'acme', data: {} }, 'type is required'],
    [{ workspace: 'acme', type: 'bot-names', data: {}, extra: true }, 'Unknown field "extra"; allowed:'],
  ])('the HTTP API names the field it refuses and what it allows: %j', async (body, named) => {
    const { t, captureKey } = await seededBackend();
    const response = await t.fetch('/settings-backup', post(captureKey, body));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain(named);
  });

  test('failed key checks on the extension’s reads are counted per IP and lock the IP out', async () => {
    const { t, capture } = await seededBackend();
    const attacker = t.withRequestMetadata({ ip: '203.0.113.7' });
    const page = { numItems: 5, cursor: null };
    for (let i = 0; i < FAILED_KEY_CHECK_LIMIT.capacity; i++) {
      await expect(
        attacker.action(api.reads.listBackups, {
          accessKey: `sp_guess-${i}-guess-guess-guess`,
          workspace: 'acme',
          paginationOpts: page,
        }),
      ).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    }
    await expect(attacker.action(api.reads.whoami, { accessKey: capture.accessKey })).rejects.toMatchObject({
      data: { code: 'RATE_LIMITED' },
    });
    const neighbour = t.withRequestMetadata({ ip: '198.51.100.1' });
    expect(await neighbour.action(api.reads.whoami, { accessKey: capture.accessKey })).toMatchObject({
      workspace: 'acme',
    });
    expect(
      (await neighbour.action(api.reads.listBackups, { ...capture, paginationOpts: page })).page,
    ).toEqual([]);
  });
});
