import 'fake-indexeddb/auto';
import { ConvexError } from 'convex/values';
import type { ConvexHttpClient } from 'convex/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { createBackupHold } from '../../../lib/journal/create-backup-hold';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { describeAuthor } from '../../../lib/popup/describe-author';
import { readHeld, readStatuses, readStorageHealth, settingsSchema } from '../../../lib/storage';
import type { SyncDeps } from '../../../lib/sync/create-sync-engine';
import { snapshot } from '../support/snapshot-fixture';
import {
  fakeConvexClient,
  functionName,
  NO_CHANGES,
  recordBotNames,
  testSyncEngine,
  type Write,
} from '../support/sync-engine-fixture';

let journal: Journal;
let now = 1_000_000;
let createBackup: ReturnType<typeof vi.fn<Write>>;
let markSyncError: ReturnType<typeof vi.fn<Write>>;
let settings = settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' });

function engine(overrides: Partial<SyncDeps> = {}) {
  const client = fakeConvexClient({ createBackup, markSyncError });
  return testSyncEngine({ journal, settings: () => settings, now: () => now, client }, overrides);
}

const capture = (name: string, workspace = 'acme') => recordBotNames(journal, name, now, workspace);

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`sync-${Math.random()}`));
  createBackup = vi.fn<Write>(async () => ({ id: 'server-id', duplicate: false }));
  markSyncError = vi.fn<Write>(async () => null);
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

  it('shows the key Convex says wrote a backup without the bidi controls of its label', async () => {
    createBackup.mockResolvedValue({ id: 'server-id', duplicate: false, keyLabel: 'Ops \u202Egnp.exe' });
    await capture('Ada');
    await engine().drain();
    const record = await journal.get('id-Ada');
    expect(record && describeAuthor(record)).toEqual(['test device', 'key Ops gnp.exe']);
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

  it('with the browser offline, says "offline", spends no attempt, and sends as soon as it is back', async () => {
    await capture('Ada');
    let online = false;
    const sync = engine({ isOnline: () => online });
    await sync.drain();
    expect(createBackup).not.toHaveBeenCalled();
    expect(await journal.get('id-Ada')).toMatchObject({ outbox: 'pending', attempts: 0 });
    expect((await readStatuses()).acme).toMatchObject({
      state: 'offline',
      error: 'No network connection',
      waiting: 1,
    });
    online = true;
    await sync.drain();
    expect((await journal.get('id-Ada'))?.outbox).toBe('synced');
    expect((await readStatuses()).acme).toMatchObject({ state: 'synced', waiting: 0 });
  });

  it('pulls nothing while the browser is offline: no call that can only fail', async () => {
    const query = vi.fn();
    const sync = engine({
      isOnline: () => false,
      createClient: () => ({ query, action: query }) as unknown as ConvexHttpClient,
    });
    expect(await sync.pullAll()).toBe(0);
    expect(await sync.pull('acme')).toBe(0);
    expect(query).not.toHaveBeenCalled();
  });

  it('calls a connection lost during a pass "offline", not a sync error, and retries it later', async () => {
    await capture('Ada');
    let online = true;
    createBackup.mockImplementationOnce(async () => {
      online = false;
      throw new TypeError('Failed to fetch');
    });
    const scheduleRetry = vi.fn();
    await engine({ isOnline: () => online, scheduleRetry }).drain();
    expect((await readStatuses()).acme).toMatchObject({ state: 'offline', waiting: 1, retryable: true });
    expect(scheduleRetry).toHaveBeenCalled();
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
      error: 'Access key rejected: Unknown key',
      retryable: false,
    });
    expect(markSyncError).toHaveBeenCalled();
    await sync.drain();
    expect(createBackup).toHaveBeenCalledTimes(1);
    createBackup.mockResolvedValue({ id: 'server-id', duplicate: false });
    await sync.drain(true);
    expect((await journal.pending()).length).toBe(0);
  });

  it('keeps "Check the access key" through a spell offline, and does not try the rejected key again after', async () => {
    await capture('Ada');
    createBackup.mockRejectedValue(new ConvexError({ code: 'UNAUTHENTICATED', message: 'Unknown key' }));
    let online = true;
    const sync = engine({ isOnline: () => online });
    await sync.drain();
    online = false;
    await sync.drain();
    expect((await readStatuses()).acme).toMatchObject({ state: 'error', retryable: false });
    online = true;
    await sync.drain();
    expect(createBackup).toHaveBeenCalledTimes(1);
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
    // Convex's own per-workspace status says so too, for admins looking there.
    expect(markSyncError).toHaveBeenLastCalledWith(
      expect.objectContaining({ workspace: 'acme', error: '1 backup(s) refused by Convex' }),
    );
  });
});

describe('sync engine when storage is full', () => {
  function failWrites(target: Journal, method: 'record' | 'update') {
    const original = target[method];
    const failing = async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    (target as Record<string, unknown>)[method] = failing;
    return () => {
      (target as Record<string, unknown>)[method] = original;
    };
  }

  async function holdOne(name: string) {
    await createBackupHold().add({
      id: `held-${name}`,
      workspace: 'acme',
      snapshot: snapshot('bot-names', { name }),
      contentHash: `hash-${name}`,
      source: 'auto',
      capturedAt: now,
      device: 'test device',
    });
  }

  it('sends a held backup to Convex once while the journal is full, then moves it in when there is room', async () => {
    await holdOne('Ada');
    const restore = failWrites(journal, 'record');
    await engine().drain();
    await engine().drain();
    expect(createBackup).toHaveBeenCalledTimes(1);
    expect(createBackup.mock.calls[0]?.[0]).toMatchObject({ clientBackupId: 'held-Ada', type: 'bot-names' });
    expect(JSON.parse(String(createBackup.mock.calls[0]?.[0]?.data))).toMatchObject({ type: 'bot-names' });
    expect((await readHeld())[0]?.pushedAt).toBe(now);
    expect(await readStorageHealth()).toMatchObject({ state: 'full', held: 1 });

    restore();
    await engine().drain();
    expect(await readHeld()).toEqual([]);
    expect((await journal.get('held-Ada'))?.outbox).toBe('synced');
    // Convex already has it: it enters the journal as synced and is not sent a second time (issue 16: the hold
    // was a second outbox).
    expect(createBackup).toHaveBeenCalledTimes(1);
    expect((await readStorageHealth()).state).toBe('ok');
    expect((await readStatuses()).acme).toMatchObject({ state: 'synced', waiting: 0 });
  });

  it('tries no held backup while the browser is offline: no "Sync error" every few seconds', async () => {
    await capture('Grace');
    await holdOne('Ada');
    failWrites(journal, 'record');
    const scheduleRetry = vi.fn();
    createBackup.mockRejectedValue(new TypeError('Failed to fetch'));
    await engine({ isOnline: () => false, scheduleRetry }).drain();
    expect(createBackup).not.toHaveBeenCalled();
    expect(scheduleRetry).not.toHaveBeenCalled();
    expect((await readStatuses()).acme).toMatchObject({ state: 'offline', error: 'No network connection' });
  });

  it('with no Convex configured, moves held backups into the journal as soon as there is room', async () => {
    settings = settingsSchema.parse({});
    await holdOne('Ada');
    await engine().drain();
    expect(createBackup).not.toHaveBeenCalled();
    expect(await readHeld()).toEqual([]);
    expect((await journal.get('held-Ada'))?.outbox).toBe('pending');
  });

  it('says "Storage is full on this device" when it cannot note a result, and retries later', async () => {
    await capture('Ada');
    const restore = failWrites(journal, 'update');
    const scheduleRetry = vi.fn();
    const sync = engine({ scheduleRetry });
    await sync.drain();
    expect((await readStatuses()).acme).toMatchObject({
      state: 'error',
      error: 'Storage is full on this device',
      retryable: true,
      waiting: 1,
    });
    expect(scheduleRetry).toHaveBeenCalled();
    expect(markSyncError).toHaveBeenCalledWith(
      expect.objectContaining({ workspace: 'acme', error: 'Storage is full on this device' }),
    );
    restore();
    await engine().drain();
    expect((await journal.get('id-Ada'))?.outbox).toBe('synced');
    expect((await readStatuses()).acme?.state).toBe('synced');
  });
});

describe('pulling other devices’ backups', () => {
  function serverBackup(id: string, createdAt: number, name = id) {
    const body = snapshot('bot-names', { name });
    return {
      id: `server-${id}`,
      clientBackupId: id,
      workspace: 'acme',
      type: 'bot-names',
      data: JSON.stringify(body),
      contentHash: `hash-${id}`,
      source: 'auto' as const,
      capturedAt: createdAt,
      createdAt,
      device: 'other device',
      size: 100,
      pinned: false,
    };
  }

  /** Convex's answer: pages newest first (by_workspace_and_createdAt), each query counted. */
  function pullingClient(server: ReturnType<typeof serverBackup>[], counted: () => void) {
    return {
      action: async (ref: unknown, args: { paginationOpts: { numItems: number; cursor: string | null } }) => {
        if (functionName(ref) === 'writes:createBackup') return { id: 'server-id', duplicate: false };
        if (functionName(ref) === 'reads:listChanges') return NO_CHANGES;
        counted();
        const sorted = [...server].sort((a, b) => b.createdAt - a.createdAt);
        const start = Number(args.paginationOpts.cursor ?? 0);
        const end = start + args.paginationOpts.numItems;
        // Convex keeps only backups whose content hash it checked, so it lists each with its real hash.
        const page = await Promise.all(
          sorted.slice(start, end).map(async (b) => ({
            ...b,
            contentHash: await contentHash(JSON.parse(b.data) as Snapshot),
          })),
        );
        return { page, isDone: end >= sorted.length, continueCursor: String(end) };
      },
    } as unknown as ConvexHttpClient;
  }

  function pullingEngine(server: ReturnType<typeof serverBackup>[], counted: () => void = () => undefined) {
    const client = pullingClient(server, counted);
    return engine({ createClient: () => client });
  }

  it('adds other devices’ backups, including ones older than a backup of this device', async () => {
    const server = [
      serverBackup('other-old', 100),
      serverBackup('id-mine', 200),
      serverBackup('other-new', 300),
    ];
    await capture('mine');
    expect(await pullingEngine(server).pull('acme')).toBe(2);
    expect((await journal.list('acme')).map((r) => r.id).sort()).toEqual([
      'id-mine',
      'other-new',
      'other-old',
    ]);
  });

  it('sets its mark even when a pull is cut short, so later pulls do not read the same pages forever', async () => {
    const server = Array.from({ length: 600 }, (_, i) => serverBackup(`b${i}`, 1000 + i));
    let queries = 0;
    const counted = pullingEngine(server, () => (queries += 1));
    expect(await counted.pull('acme')).toBe(500);
    queries = 0;
    expect(await counted.pull('acme')).toBe(0);
    expect(queries).toBe(1);
  });

  it('does not pull back the very backup that set its mark once this device pruned it', async () => {
    const server = [serverBackup('a', 100)];
    const sync = pullingEngine(server);
    expect(await sync.pull('acme')).toBe(1);
    await journal.remove('a');
    server.push(serverBackup('c', 300));
    expect(await sync.pull('acme')).toBe(1);
    expect((await journal.list('acme')).map((r) => r.id)).toEqual(['c']);
  });

  it('pulls a backup made in the same millisecond as the last one it saw', async () => {
    const server = [serverBackup('a', 100)];
    const sync = pullingEngine(server);
    expect(await sync.pull('acme')).toBe(1);
    server.push(serverBackup('b', 100));
    expect(await sync.pull('acme')).toBe(1);
    expect((await journal.list('acme')).map((r) => r.id).sort()).toEqual(['a', 'b']);
  });

  it('does not pull back a backup this device pruned, and still pulls what is new', async () => {
    const server = [serverBackup('a', 100), serverBackup('b', 200)];
    const sync = pullingEngine(server);
    expect(await sync.pull('acme')).toBe(2);
    // Retention (or a full disk) removes the older one here; it stays safe in Convex.
    await journal.remove('a');
    server.push(serverBackup('c', 300));
    expect(await sync.pull('acme')).toBe(1);
    expect((await journal.list('acme')).map((r) => r.id).sort()).toEqual(['b', 'c']);
  });
});
