import { describe, expect, test } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import { backupArgs, expectRefused, newBackend, seededBackend } from './fixture';

/** "gnp.exe" behind a right-to-left override, shown as "exe.png". */
const SPOOFED = '\u202Egnp.exe';
const page = { numItems: 10, cursor: null };

describe('names people read keep no bidi controls in Convex', () => {
  test("an access key's label, wherever Convex names the key", async () => {
    const t = newBackend();
    const { key } = await t.mutation(internal.keys.create, {
      workspace: 'acme',
      role: 'admin',
      label: `Ops \u2066${SPOOFED}\u2069`,
    });
    const access = { accessKey: key, workspace: 'acme' };
    expect((await t.action(api.reads.whoami, access)).label).toBe('Ops gnp.exe');
    expect((await t.query(internal.keys.list, { workspace: 'acme' })).map((k) => k.label)).toEqual([
      'Ops gnp.exe',
    ]);
    await t.action(api.writes.createBackup, { ...access, ...(await backupArgs()) });
    const list = await t.action(api.reads.listBackups, { ...access, paginationOpts: page });
    expect(list.page.map((b) => b.keyLabel)).toEqual(['Ops gnp.exe']);
    await expectRefused(
      t,
      async () => t.action(api.reads.whoami, { accessKey: key, workspace: 'globex' }),
      'FORBIDDEN',
      'Access key "Ops gnp.exe" does not cover workspace "globex"; it covers "acme"',
    );
  });

  test('a key label of bidi controls alone is refused as empty', async () => {
    const t = newBackend();
    await expectRefused(
      t,
      async () =>
        t.mutation(internal.keys.create, { workspace: 'acme', role: 'admin', label: '\u202E\u2066' }),
      'INVALID',
      'label must not be empty',
    );
  });

  test('the device a backup, a pin, a delete, a restore or a retention change claims', async () => {
    const { t, admin } = await seededBackend();
    const device = `Chromium ${SPOOFED}`;
    const args = await backupArgs({ device });
    await t.action(api.writes.createBackup, { ...admin, ...args });
    const { clientBackupId } = args;
    await t.action(api.writes.setPinned, { ...admin, clientBackupId, pinned: true, device });
    const { restoreId } = await t.action(api.writes.beginRestore, { ...admin, clientBackupId, device });
    await t.action(api.writes.finishRestore, { ...admin, restoreId, result: 'applied', report: '{}' });
    await t.action(api.writes.recordRestore, {
      ...admin,
      clientBackupId,
      device,
      result: 'applied',
      report: '{}',
    });
    await t.action(api.writes.setRetention, { ...admin, retention: 50, device });
    await t.action(api.writes.deleteBackup, { ...admin, clientBackupId, device });
    const audit = await t.query(internal.audit.listAudit, { ip: null, ...admin, paginationOpts: page });
    expect(audit.page.map((entry) => [entry.action, entry.device])).toEqual([
      ['delete', 'Chromium gnp.exe'],
      ['retention', 'Chromium gnp.exe'],
      ['restore', 'Chromium gnp.exe'],
      ['restore', 'Chromium gnp.exe'],
      ['pin', 'Chromium gnp.exe'],
    ]);
  });

  test('the device a kept backup claims, as others list it', async () => {
    const { t, admin } = await seededBackend();
    await t.action(api.writes.createBackup, {
      ...admin,
      ...(await backupArgs({ device: SPOOFED })),
    });
    const list = await t.action(api.reads.listBackups, { ...admin, paginationOpts: page });
    expect(list.page.map((b) => b.device)).toEqual(['gnp.exe']);
  });
});
