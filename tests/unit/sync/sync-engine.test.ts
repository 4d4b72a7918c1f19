import 'fake-indexeddb/auto';
import { ConvexError } from 'convex/values';
import type { ConvexHttpClient } from 'convex/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { readStatuses, settingsSchema } from '../../../lib/storage';
import { createSyncEngine } from '../../../lib/sync/create-sync-engine';
import { snapshot } from '../support/snapshot-fixture';

type Mutation = (args: Record<string, unknown>) => Promise<unknown>;

let journal: Journal;
let now = 1_000_000;
let createBackup: ReturnType<typeof vi.fn<Mutation>>;
let markSyncError: ReturnType<typeof vi.fn<Mutation>>;
let settings = settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' });

function engine() {
  const client = {
    mutation: (ref: unknown, args: Record<string, unknown>) =>
      String((ref as Record<symbol, unknown>)[Symbol.for('functionName')]).includes('markSyncError')
        ? markSyncError(args)
        : createBackup(args),
    query: async () => ({ page: [], isDone: true, continueCursor: '' }),
  } as unknown as ConvexHttpClient;
  return createSyncEngine({
    journal,
    readSettings: async () => settings,
    createClient: () => client,
    now: () => now,
    random: () => 0.5,
    scheduleRetry: vi.fn(),
    onChange: vi.fn(),
    device: async () => 'test device',
  });
}

async function capture(name: string, workspace = 'acme') {
  const body = snapshot('bot-names', { name });
  await journal.record({
    id: `id-${name}`,
    workspace,
    snapshot: body,
    contentHash: `hash-${name}`,
    source: 'auto',
    capturedAt: now,
    device: 'test device',
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`sync-${Math.random()}`));
  createBackup = vi.fn<Mutation>(async () => ({ id: 'server-id', duplicate: false }));
  markSyncError = vi.fn<Mutation>(async () => null);
  settings = settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' });
});

describe('sync engine', () => {
  it('sends each pending backup once with its client id and marks it synced', async () => {
    await capture('Ada');
    await engine().drain();
    expect(createBackup).toHaveBeenCalledTimes(1);
    expect(createBackup.mock.calls[0]?.[0]).toMatchObject({ clientBackupId: 'id-Ada', workspace: 'acme' });
    expect((await journal.get('id-Ada'))?.outbox).toBe('synced');
    expect((await readStatuses()).acme).toMatchObject({ state: 'synced', waiting: 0, lastSyncedAt: now });
    await engine().drain();
    expect(createBackup).toHaveBeenCalledTimes(1);
  });

  it('keeps backups and reports "offline" when no Convex is configured', async () => {
    settings = settingsSchema.parse({});
    await capture('Ada');
    await engine().drain();
    expect(createBackup).not.toHaveBeenCalled();
    expect((await readStatuses()).acme).toMatchObject({ state: 'offline', waiting: 1 });
  });

  it('backs off after a network failure, keeps the backup, and sends it when Convex is back', async () => {
    await capture('Ada');
    createBackup.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const sync = engine();
    await sync.drain();
    const waiting = await journal.get('id-Ada');
    expect(waiting).toMatchObject({ outbox: 'pending', attempts: 1, lastError: "Can't reach Convex" });
    expect(waiting!.nextAttemptAt).toBeGreaterThan(now);
    expect((await readStatuses()).acme).toMatchObject({
      state: 'error',
      error: "Can't reach Convex",
      waiting: 1,
    });
    await sync.drain();
    expect(createBackup).toHaveBeenCalledTimes(1);
    now = waiting!.nextAttemptAt;
    await sync.drain();
    expect((await journal.get('id-Ada'))?.outbox).toBe('synced');
    expect((await readStatuses()).acme).toMatchObject({ state: 'synced' });
  });

  it('stops on a rejected access key, keeps every backup, and resumes only when forced', async () => {
    await capture('Ada');
    await capture('Grace');
    createBackup.mockRejectedValue(new ConvexError({ code: 'UNAUTHENTICATED', message: 'Unknown key' }));
    const sync = engine();
    await sync.drain();
    expect(createBackup).toHaveBeenCalledTimes(1);
    expect((await readStatuses()).acme).toMatchObject({
      state: 'error',
      error: 'Access key rejected',
      retryable: false,
    });
    expect(markSyncError).toHaveBeenCalled();
    await sync.drain();
    expect(createBackup).toHaveBeenCalledTimes(1);
    createBackup.mockResolvedValue({ id: 'server-id', duplicate: false });
    await sync.drain(true);
    expect((await journal.pending()).length).toBe(0);
  });

  it('quarantines a backup the server refuses as invalid after a few attempts, without blocking the rest', async () => {
    await capture('Broken');
    await capture('Fine');
    createBackup.mockImplementation(async (args) => {
      if (args.clientBackupId === 'id-Broken')
        throw new ConvexError({ code: 'INVALID', message: 'Not JSON' });
      return { id: 'server-id', duplicate: false };
    });
    const sync = engine();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await sync.drain();
      now += 60 * 60 * 1000;
    }
    expect((await journal.get('id-Fine'))?.outbox).toBe('synced');
    expect(await journal.get('id-Broken')).toMatchObject({ outbox: 'quarantined', lastError: 'Not JSON' });
    expect((await readStatuses()).acme).toMatchObject({ state: 'error', quarantined: 1 });
  });
});
