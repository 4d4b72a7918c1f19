import { convexTest } from 'convex-test';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { api, internal } from '../../convex/_generated/api';
import type { Id } from '../../convex/_generated/dataModel';
import schema from '../../convex/schema';
import { modules } from './fixture';

const NOW = 1_800_000_000_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

/** A backend that fails a function past Convex's read and write limits, as a deployment does. */
async function limitedBackend() {
  const t = convexTest({ schema, modules, transactionLimits: true });
  const capture = await t.mutation(internal.keys.create, {
    workspace: 'acme',
    role: 'capture',
    label: 'Laptop',
  });
  const admin = await t.mutation(internal.keys.create, { workspace: 'acme', role: 'admin', label: 'Ops' });
  return { t, keyId: capture.keyId, admin: { accessKey: admin.key, workspace: 'acme' } };
}

type Backend = Awaited<ReturnType<typeof limitedBackend>>['t'];

/** Stores `count` backups of section `bot-names` by one key, `b0` oldest, made in the last minute (no anchors). */
async function seed(t: Backend, keyId: Id<'accessKeys'>, count: number, dataBytes: number) {
  for (let start = 0; start < count; start += 50) {
    await t.run(async (ctx) => {
      for (let i = start; i < Math.min(count, start + 50); i++) {
        await ctx.db.insert('settingsBackups', {
          workspace: 'acme',
          type: 'bot-names',
          clientBackupId: `b${i}`,
          data: JSON.stringify({ blob: 'x'.repeat(dataBytes) }),
          contentHash: 'hash',
          source: 'api',
          capturedAt: NOW - count + i,
          createdAt: NOW - count + i,
          chunkCount: 0,
          size: dataBytes,
          keyLabel: 'Laptop',
          keyId,
          pinned: false,
        });
      }
    });
  }
}

async function idsLeft(t: Backend): Promise<string[]> {
  return (await t.query(internal.testing.allBackups, { workspace: 'acme' })).map((b) => b.clientBackupId);
}

test('retention of a section larger than one function may read finishes over several calls', async () => {
  const { t, keyId, admin } = await limitedBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 250 });
  // 300 backups of 60 KB: 18 MB, more than the 16 MiB one function may read.
  await seed(t, keyId, 300, 60_000);
  await t.mutation(internal.settingsBackups.pruneSection, { workspace: 'acme', type: 'bot-names' });
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  expect(await idsLeft(t)).toEqual(Array.from({ length: 250 }, (_, i) => `b${299 - i}`));
});

test('a retention run that another removal overtook starts again from the newest backup', async () => {
  const { t, keyId, admin } = await limitedBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 3 });
  await seed(t, keyId, 5, 10);
  const second = await t.run(async (ctx) => {
    const doc = await ctx.db
      .query('settingsBackups')
      .withIndex('by_workspace_and_clientBackupId', (q) =>
        q.eq('workspace', 'acme').eq('clientBackupId', 'b3'),
      )
      .unique();
    return doc!;
  });
  // A run that judged b4 and b3 (its removal count taken before), then an admin deletes b4.
  const run = {
    now: NOW,
    createdAt: second.createdAt,
    creationTime: second._creationTime,
    seenAll: 2,
    seen: [{ writer: keyId as string, count: 2 }],
    anchored: [],
    removed: 0,
  };
  await t.action(api.writes.deleteBackup, { ...admin, clientBackupId: 'b4' });
  expect(await t.query(internal.testing.workspaceRow, { workspace: 'acme' })).toMatchObject({
    backupsRemoved: 1,
  });
  await t.mutation(internal.settingsBackups.pruneSection, { workspace: 'acme', type: 'bot-names', run });
  await t.finishAllScheduledFunctions(vi.runAllTimers);
  // Continuing with its counts would remove b1 as well; counted again, the newest 3 of the 4 left stay.
  expect(await idsLeft(t)).toEqual(['b3', 'b2', 'b1']);
});

test('a retention run continues where it stopped when nothing was removed meanwhile', async () => {
  const { t, keyId, admin } = await limitedBackend();
  await t.action(api.writes.setRetention, { ...admin, retention: 3 });
  await seed(t, keyId, 5, 10);
  const third = await t.run(async (ctx) => {
    const doc = await ctx.db
      .query('settingsBackups')
      .withIndex('by_workspace_and_clientBackupId', (q) =>
        q.eq('workspace', 'acme').eq('clientBackupId', 'b2'),
      )
      .unique();
    return doc!;
  });
  const run = {
    now: NOW,
    createdAt: third.createdAt,
    creationTime: third._creationTime,
    seenAll: 3,
    seen: [{ writer: keyId as string, count: 3 }],
    anchored: [],
    removed: 0,
  };
  await t.mutation(internal.settingsBackups.pruneSection, { workspace: 'acme', type: 'bot-names', run });
  expect(await idsLeft(t)).toEqual(['b4', 'b3', 'b2']);
});
