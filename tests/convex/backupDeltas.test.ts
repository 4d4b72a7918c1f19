import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import type { Doc } from '../../convex/_generated/dataModel';
import { backupArgs, seededBackend, type Backend } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Seeded = Awaited<ReturnType<typeof seededBackend>>;

/** Creates backups `ids` of section bot-names, one second apart, each with its own name; returns what was sent. */
async function history(seeded: Seeded, ids: string[], values = (i: number) => ({ name: `Robo ${i}` })) {
  const sent = new Map<string, string>();
  for (const [i, id] of ids.entries()) {
    const args = await backupArgs({ clientBackupId: id }, values(i));
    await seeded.t.action(api.writes.createBackup, { ...seeded.capture, ...args });
    sent.set(id, args.data);
    vi.advanceTimersByTime(1000);
  }
  return sent;
}

async function rows(t: Backend): Promise<Map<string, Doc<'settingsBackups'>>> {
  const all = await t.run(async (ctx) => await ctx.db.query('settingsBackups').collect());
  return new Map(all.map((row) => [row.clientBackupId, row]));
}

async function listed(seeded: Seeded): Promise<Map<string, string>> {
  const page = await seeded.t.action(api.reads.listBackups, {
    ...seeded.capture,
    paginationOpts: { numItems: 100, cursor: null },
  });
  return new Map(page.page.map((backup) => [backup.clientBackupId, backup.data]));
}

describe('Convex stores what changed', () => {
  test('keeps the newest backup whole and older ones as deltas, and every read returns whole data', async () => {
    const seeded = await seededBackend();
    const sent = await history(seeded, ['b0', 'b1', 'b2']);
    const stored = await rows(seeded.t);
    expect(stored.get('b2')?.baseId).toBeUndefined();
    expect(stored.get('b1')?.baseId).toBe(stored.get('b2')?._id);
    expect(stored.get('b0')?.baseId).toBe(stored.get('b1')?._id);
    expect(stored.get('b0')!.data.length).toBeLessThan(sent.get('b0')!.length / 2);

    expect(await listed(seeded)).toEqual(sent);
    const all = await seeded.t.query(internal.testing.allBackups, { workspace: 'acme' });
    expect(new Map(all.map((b) => [b.clientBackupId, b.data]))).toEqual(sent);
    const oldestPage = await seeded.t.action(api.reads.listBackups, {
      ...seeded.capture,
      paginationOpts: { numItems: 1, cursor: null },
    });
    const second = await seeded.t.action(api.reads.listBackups, {
      ...seeded.capture,
      paginationOpts: { numItems: 2, cursor: oldestPage.continueCursor },
    });
    expect(second.page.map((b) => b.data)).toEqual([sent.get('b1'), sent.get('b0')]);
    const latest = await seeded.t.action(api.reads.getLatestBackup, {
      ...seeded.capture,
      type: 'bot-names',
    });
    expect(latest?.data).toBe(sent.get('b2'));
  });

  test('the HTTP API reads whole data of backups stored as deltas', async () => {
    const seeded = await seededBackend();
    const sent = await history(seeded, ['b0', 'b1']);
    const response = await seeded.t.fetch('/settings-backups?workspace=acme&type=bot-names', {
      headers: { Authorization: `Bearer ${seeded.captureKey}` },
    });
    const body = (await response.json()) as { page: { clientBackupId: string; data: string }[] };
    expect(response.status).toBe(200);
    expect(new Map(body.page.map((b) => [b.clientBackupId, b.data]))).toEqual(sent);
  });

  test.each([
    ['the oldest', 'b0'],
    ['a middle', 'b1'],
    ['the newest', 'b2'],
  ])('deleting %s backup folds the delta resting on it, and the rest reads the same', async (_name, gone) => {
    const seeded = await seededBackend();
    const sent = await history(seeded, ['b0', 'b1', 'b2']);
    await seeded.t.action(api.writes.deleteBackup, { ...seeded.admin, clientBackupId: gone });
    sent.delete(gone);
    expect(await listed(seeded)).toEqual(sent);
    const stored = await rows(seeded.t);
    expect([...stored.values()].filter((row) => row.baseId === undefined)).toHaveLength(1);
  });

  test('retention keeps a pinned old backup readable after the ones it rested on are gone', async () => {
    const seeded = await seededBackend();
    await seeded.t.action(api.writes.setRetention, { ...seeded.admin, retention: 2 });
    const ids = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'];
    const sent = new Map<string, string>();
    for (const [i, id] of ids.entries()) {
      const args = await backupArgs({ clientBackupId: id }, { name: `Robo ${i}`, other: 'same' });
      await seeded.t.action(api.writes.createBackup, { ...seeded.capture, ...args });
      sent.set(id, args.data);
      if (id === 'b0')
        await seeded.t.action(api.writes.setPinned, {
          ...seeded.admin,
          clientBackupId: id,
          pinned: true,
        });
      vi.advanceTimersByTime(1000);
    }
    await seeded.t.finishAllScheduledFunctions(vi.runAllTimers);
    for (const id of ['b1', 'b2', 'b3']) sent.delete(id);
    expect(await listed(seeded)).toEqual(sent);
    expect((await rows(seeded.t)).get('b0')?.baseId).toBeDefined();
  });

  test('a large backup stays chunked whole and its older neighbour is a small delta; deleting it rebuilds that one whole', async () => {
    const seeded = await seededBackend();
    const big = (i: number) => ({ big: 'z'.repeat(600_000), name: `Robo ${i}` });
    const sent = await history(seeded, ['b0', 'b1'], big);
    const stored = await rows(seeded.t);
    expect(stored.get('b0')).toMatchObject({ chunkCount: 0, baseId: stored.get('b1')?._id });
    expect(stored.get('b1')?.chunkCount).toBeGreaterThan(1);
    expect(await listed(seeded)).toEqual(sent);
    await seeded.t.action(api.writes.deleteBackup, { ...seeded.admin, clientBackupId: 'b1' });
    const b0 = (await rows(seeded.t)).get('b0');
    expect(b0?.baseId).toBeUndefined();
    expect(b0?.chunkCount).toBeGreaterThan(1);
    sent.delete('b1');
    expect(await listed(seeded)).toEqual(sent);
  });

  test('keeps whole an older row whose data a rebuild would not give back to the letter', async () => {
    const seeded = await seededBackend();
    const sent = await history(seeded, ['b0']);
    const b0 = (await rows(seeded.t)).get('b0')!;
    const indented = JSON.stringify(JSON.parse(sent.get('b0')!), null, 2);
    await seeded.t.run(async (ctx) => await ctx.db.patch(b0._id, { data: indented }));
    vi.advanceTimersByTime(1000);
    await history(seeded, ['b1']);
    expect((await rows(seeded.t)).get('b0')).toMatchObject({ data: indented });
    expect((await listed(seeded)).get('b0')).toBe(indented);
  });

  test('still refuses a backup whose content hash does not match its snapshot', async () => {
    const seeded = await seededBackend();
    await history(seeded, ['b0']);
    const args = await backupArgs({ clientBackupId: 'bad', contentHash: 'f'.repeat(64) }, { name: 'Other' });
    const refused = await seeded.t.action(api.writes.createBackup, { ...seeded.capture, ...args }).then(
      () => null,
      (error: { data?: unknown }) => error.data,
    );
    expect(refused).toMatchObject({ code: 'INVALID' });
    expect((await rows(seeded.t)).get('b0')?.baseId).toBeUndefined();
  });
});

describe('a damaged backup is reported, never returned wrong', () => {
  async function refusal(seeded: Seeded) {
    return await seeded.t
      .action(api.reads.listBackups, {
        ...seeded.capture,
        paginationOpts: { numItems: 10, cursor: null },
      })
      .then(
        () => null,
        (error: { data?: unknown }) => error.data,
      );
  }

  test('a missing base', async () => {
    const seeded = await seededBackend();
    await history(seeded, ['b0', 'b1', 'b2']);
    const stored = await rows(seeded.t);
    await seeded.t.run(async (ctx) => await ctx.db.delete(stored.get('b1')!._id));
    expect(await refusal(seeded)).toMatchObject({
      code: 'CORRUPTED',
      message: expect.stringMatching(/b0.*missing/),
    });
  });

  test('a delta that does not give the backup back', async () => {
    const seeded = await seededBackend();
    await history(seeded, ['b0', 'b1']);
    const b0 = (await rows(seeded.t)).get('b0')!;
    await seeded.t.run(
      async (ctx) => await ctx.db.patch(b0._id, { data: b0.data.replace('Robo 0', 'Evil') }),
    );
    expect(await refusal(seeded)).toMatchObject({
      code: 'CORRUPTED',
      message: expect.stringMatching(/content hash/),
    });
  });

  test('a delta that is not a delta', async () => {
    const seeded = await seededBackend();
    await history(seeded, ['b0', 'b1']);
    const b0 = (await rows(seeded.t)).get('b0')!;
    await seeded.t.run(async (ctx) => await ctx.db.patch(b0._id, { data: '{"no":' }));
    expect(await refusal(seeded)).toMatchObject({
      code: 'CORRUPTED',
      message: expect.stringMatching(/corrupted/),
    });
  });

  test('a loop of bases', async () => {
    const seeded = await seededBackend();
    await history(seeded, ['b0', 'b1', 'b2']);
    const stored = await rows(seeded.t);
    await seeded.t.run(
      async (ctx) => await ctx.db.patch(stored.get('b1')!._id, { baseId: stored.get('b0')!._id }),
    );
    expect(await refusal(seeded)).toMatchObject({
      code: 'CORRUPTED',
      message: expect.stringMatching(/loops/),
    });
  });
});
