import type { ConvexHttpClient } from 'convex/browser';
import { ConvexError } from 'convex/values';
import { describe, expect, it, vi } from 'vitest';
import { settingsSchema } from '../../../lib/storage';
import { authorizeRestore } from '../../../lib/sync/authorize-restore';
import { deleteRemote, pinRemote } from '../../../lib/sync/remote-admin-actions';

const withConvex = settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' });
const localOnly = settingsSchema.parse({});

function functionName(ref: unknown): string {
  return String((ref as Record<symbol, unknown>)[Symbol.for('functionName')]);
}

/** A Convex client whose actions answer with `answer(name, args)`, recording each call. */
function fakeConvex(answer: (name: string, args: Record<string, unknown>) => unknown) {
  const calls: [string, Record<string, unknown>][] = [];
  const client = {
    action: async (ref: unknown, args: Record<string, unknown>) => {
      calls.push([functionName(ref), args]);
      return answer(functionName(ref), args);
    },
  } as unknown as ConvexHttpClient;
  return { calls, create: () => client };
}

const refuseCapture = (what: string) => () => {
  throw new ConvexError({ code: 'FORBIDDEN', message: `${what} needs an admin key; this is a capture key` });
};

describe('restores need an admin key and an audit entry first (issue 13, item 6)', () => {
  const restore = { workspace: 'acme', clientBackupId: 'b1', device: 'desk' };

  it('begins the restore in Convex and records its outcome on the same audit entry', async () => {
    const convex = fakeConvex((name) => (name === 'writes:beginRestore' ? { restoreId: 'r1' } : null));
    const authorized = await authorizeRestore(withConvex, restore, convex.create);
    expect(authorized.restoreId).toBe('r1');
    expect(await authorized.finish({ result: 'applied', report: '[]' })).toBe(true);
    expect(convex.calls).toEqual([
      [
        'writes:beginRestore',
        { accessKey: 'sp_key', workspace: 'acme', clientBackupId: 'b1', device: 'desk' },
      ],
      [
        'writes:finishRestore',
        { accessKey: 'sp_key', workspace: 'acme', restoreId: 'r1', result: 'applied', report: '[]' },
      ],
    ]);
  });

  it('refuses a capture key with the reason Convex gives', async () => {
    const convex = fakeConvex(refuseCapture('Restoring'));
    await expect(authorizeRestore(withConvex, restore, convex.create)).rejects.toThrow(
      'Restoring needs an admin key; this is a capture key',
    );
  });

  it('refuses to restore when the audit entry cannot be written (Convex unreachable)', async () => {
    const convex = fakeConvex(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(authorizeRestore(withConvex, restore, convex.create)).rejects.toThrow(
      /Restoring needs Convex to record it/,
    );
  });

  it('allows a local-only restore when no Convex is configured', async () => {
    const create = vi.fn();
    expect((await authorizeRestore(localOnly, restore, create)).restoreId).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });
});

describe('pin and delete go through Convex for admin keys (issue 13, item 6)', () => {
  it('pins and deletes in Convex, audited there', async () => {
    const convex = fakeConvex(() => null);
    const backup = { workspace: 'acme', clientBackupId: 'b1', device: 'desk' };
    expect(await pinRemote(withConvex, { ...backup, pinned: true }, convex.create)).toBe('convex');
    expect(await deleteRemote(withConvex, backup, convex.create)).toBe('convex');
    expect(convex.calls.map(([name]) => name)).toEqual(['writes:setPinned', 'writes:deleteBackup']);
  });

  it('refuses them for a capture key, saying why', async () => {
    const backup = { workspace: 'acme', clientBackupId: 'b1', device: 'd' };
    await expect(
      pinRemote(withConvex, { ...backup, pinned: true }, fakeConvex(refuseCapture('Pinning')).create),
    ).rejects.toThrow('Pinning needs an admin key; this is a capture key');
    await expect(
      deleteRemote(withConvex, backup, fakeConvex(refuseCapture('Deleting a backup')).create),
    ).rejects.toThrow('Deleting a backup needs an admin key; this is a capture key');
  });

  it("uses the workspace's own key when Options has one, the main key otherwise (issue 14)", async () => {
    const convex = fakeConvex(() => null);
    const settings = settingsSchema.parse({
      convexUrl: 'http://convex.test',
      accessKey: 'sp_main',
      workspaceKeys: [{ workspace: 'globex', accessKey: 'sp_globex' }],
    });
    for (const workspace of ['acme', 'globex']) {
      await pinRemote(
        settings,
        { workspace, clientBackupId: 'b1', pinned: true, device: 'd' },
        convex.create,
      );
    }
    expect(convex.calls.map(([, args]) => [args.workspace, args.accessKey])).toEqual([
      ['acme', 'sp_main'],
      ['globex', 'sp_globex'],
    ]);
  });

  it('works on this device alone without Convex, and for a backup Convex does not have yet', async () => {
    const backup = { workspace: 'acme', clientBackupId: 'b1', pinned: true, device: 'd' };
    expect(await pinRemote(localOnly, backup, vi.fn())).toBe('local-only');
    const missing = fakeConvex(() => {
      throw new ConvexError({ code: 'NOT_FOUND', message: 'No such backup in this workspace' });
    });
    expect(await pinRemote(withConvex, backup, missing.create)).toBe('not-on-server');
  });
});
