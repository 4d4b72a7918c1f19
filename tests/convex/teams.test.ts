import { describe, expect, test } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import { backupArgs, expectRefused, newBackend, seededBackend } from './fixture';

const page = { numItems: 10, cursor: null };

describe('a key scoped to several workspaces', () => {
  test('writes and reads in each of them, and nowhere else', async () => {
    const t = newBackend();
    const { key } = await t.mutation(internal.keys.create, {
      workspace: 'acme',
      workspaces: ['globex', 'grafana.internal:3000'],
      role: 'capture',
      label: 'QA team',
    });
    for (const workspace of ['acme', 'globex', 'grafana.internal:3000']) {
      await t.action(api.writes.createBackup, {
        accessKey: key,
        workspace,
        ...(await backupArgs()),
      });
      const list = await t.action(api.reads.listBackups, {
        accessKey: key,
        workspace,
        paginationOpts: page,
      });
      expect(list.page.map((b) => [b.workspace, b.keyLabel])).toEqual([[workspace, 'QA team']]);
    }
    await expectRefused(
      t,
      async () =>
        t.action(api.writes.createBackup, {
          accessKey: key,
          workspace: 'initech',
          ...(await backupArgs()),
        }),
      'FORBIDDEN',
      'Access key "QA team" does not cover workspace "initech"; it covers "acme", "globex", "grafana.internal:3000"',
    );
    expect(await t.action(api.reads.whoami, { accessKey: key, workspace: 'globex' })).toEqual({
      workspace: 'globex',
      workspaces: ['acme', 'globex', 'grafana.internal:3000'],
      role: 'capture',
      label: 'QA team',
    });
  });

  test('keys:setWorkspaces widens and narrows a key at once', async () => {
    const { t, captureKey, captureKeyId } = await seededBackend();
    const globex = { accessKey: captureKey, workspace: 'globex' };
    await expectRefused(
      t,
      () => t.query(internal.workspaces.getSyncStatus, { ...globex, ip: null }),
      'FORBIDDEN',
    );
    expect(
      await t.mutation(internal.keys.setWorkspaces, { keyId: captureKeyId, workspaces: ['globex'] }),
    ).toEqual(['acme', 'globex']);
    expect((await t.query(internal.workspaces.getSyncStatus, { ...globex, ip: null })).workspace).toBe(
      'globex',
    );
    await t.mutation(internal.keys.setWorkspaces, { keyId: captureKeyId, workspaces: [] });
    await expectRefused(
      t,
      () => t.query(internal.workspaces.getSyncStatus, { ...globex, ip: null }),
      'FORBIDDEN',
    );
  });

  test('refuses a workspace name that is neither a slug nor a host', async () => {
    const t = newBackend();
    for (const workspace of ['Acme', 'a b', 'https://x', '']) {
      await expect(
        t.mutation(internal.keys.create, {
          workspace: 'acme',
          workspaces: [workspace],
          role: 'capture',
          label: 'x',
        }),
      ).rejects.toThrow(/Invalid workspace name/);
    }
  });
});

describe('reads:listChanges', () => {
  test('gives every key of the workspace the pins, deletes and retention admins made, oldest first', async () => {
    const { t, admin, capture } = await seededBackend();
    const first = await backupArgs();
    const second = await backupArgs({}, { name: 'Other' });
    await t.action(api.writes.createBackup, { ...capture, ...first });
    await t.action(api.writes.createBackup, { ...capture, ...second });
    const before = await t.action(api.reads.listChanges, { ...capture, after: 0 });
    expect(before).toMatchObject({ entries: [], retention: 200, retentionSet: false });

    await t.action(api.writes.setPinned, {
      ...admin,
      clientBackupId: first.clientBackupId,
      pinned: true,
      device: 'Chromium on Linux',
    });
    await t.action(api.writes.deleteBackup, { ...admin, clientBackupId: second.clientBackupId });
    await t.action(api.writes.setRetention, { ...admin, retention: 5, device: 'Chromium on Linux' });

    const changes = await t.action(api.reads.listChanges, { ...capture, after: 0 });
    expect(changes.entries.map((e) => [e.action, e.clientBackupId, e.keyLabel, e.device])).toEqual([
      ['pin', first.clientBackupId, 'Ops admin', 'Chromium on Linux'],
      ['delete', second.clientBackupId, 'Ops admin', undefined],
      ['retention', undefined, 'Ops admin', 'Chromium on Linux'],
    ]);
    expect(changes).toMatchObject({ more: false, retention: 5, retentionSet: true });
    const later = await t.action(api.reads.listChanges, { ...capture, after: changes.entries[1]!.at });
    expect(later.entries.map((e) => e.action)).toEqual(['retention']);
  });

  test("refuses another workspace's key", async () => {
    const { t, otherKey } = await seededBackend();
    await expect(
      t.action(api.reads.listChanges, { accessKey: otherKey, workspace: 'acme', after: 0 }),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });
});

describe('writes:setRetention', () => {
  test('prunes every section of the workspace at once, not only on its next backup', async () => {
    const { t, admin, capture } = await seededBackend();
    for (const type of ['bot-names', 'brain']) {
      for (const name of ['a', 'b', 'c']) {
        await t.action(api.writes.createBackup, {
          ...capture,
          ...(await backupArgs({ type }, { name })),
        });
      }
    }
    await t.finishAllScheduledFunctions(() => undefined);
    await t.action(api.writes.setRetention, { ...admin, retention: 1 });
    await t.finishAllScheduledFunctions(() => undefined);
    const left = await t.action(api.reads.listBackups, { ...capture, paginationOpts: page });
    expect(left.page.map((b) => b.type).sort()).toEqual(['bot-names', 'brain']);
  });

  test("a capture key's change is refused, saying it needs an admin key", async () => {
    const { t, capture } = await seededBackend();
    await expectRefused(
      t,
      () => t.action(api.writes.setRetention, { ...capture, retention: 5 }),
      'FORBIDDEN',
      'Changing the retention needs an admin key; this is a capture key',
    );
  });
});
