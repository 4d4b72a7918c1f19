import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { describeStatus } from '../../../lib/popup/describe-status';
import { readStatuses, settingsSchema, type Settings } from '../../../lib/storage';
import { fakeConvexClient, recordBotNames, testSyncEngine, type Write } from '../support/sync-engine-fixture';

let journal: Journal;
let now = 1_000_000;
let online = true;
let settings: Settings;
let createBackup: ReturnType<typeof vi.fn<Write>>;

/** The background's engine; `online` is `navigator.onLine`. */
function engine() {
  const client = fakeConvexClient({ createBackup });
  return testSyncEngine(
    { journal, settings: () => settings, now: () => now, client },
    { isOnline: () => online },
  );
}

const capture = (name: string) => recordBotNames(journal, name, now);

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`offline-${Math.random()}`));
  createBackup = vi.fn(async () => ({ id: 'server-id', duplicate: false }));
  settings = settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' });
  online = true;
});

describe('"Offline · No network connection" once the network is back', () => {
  it('sends a backup whose last try failed for want of the network, rather than after its backoff', async () => {
    await capture('Ada');
    const sync = engine();
    // Wi-Fi without internet: navigator.onLine stays true while fetches fail, and the backup backs off.
    createBackup.mockRejectedValue(new TypeError('Failed to fetch'));
    for (let i = 0; i < 6; i++) {
      now += 10 * 60_000;
      await sync.drain();
    }
    // Then the browser notices, and the next pass says so.
    online = false;
    await sync.drain();
    expect((await readStatuses()).acme).toMatchObject({ state: 'offline', error: 'No network connection' });
    // The network is back a minute later; the popup opens (a drain, as 'sync:pull' asks).
    createBackup.mockResolvedValue({ id: 'server-id', duplicate: false });
    online = true;
    now += 60_000;
    await sync.drain();
    expect((await journal.get('id-Ada'))?.outbox).toBe('synced');
    expect((await readStatuses()).acme).toMatchObject({ state: 'synced', waiting: 0 });
  });

  it('leaves "Offline" when the backup that waited is gone (removed as "not a save")', async () => {
    await capture('Ada');
    const sync = engine();
    online = false;
    await sync.drain();
    expect((await readStatuses()).acme).toMatchObject({ state: 'offline', waiting: 1 });
    await journal.remove('id-Ada');
    online = true;
    await sync.drain();
    const view = describeStatus((await readStatuses()).acme, true);
    expect(view.label).not.toBe('Offline');
    expect(view.waiting).toBe(0);
  });

  it('says "kept here only" once Convex is unconfigured, even with nothing waiting', async () => {
    await capture('Ada');
    const sync = engine();
    online = false;
    await sync.drain();
    await journal.remove('id-Ada');
    settings = settingsSchema.parse({});
    await sync.drain(true);
    const view = describeStatus((await readStatuses()).acme, false);
    expect(view.local).toBe(true);
    expect(view.detail).toBe('Backups are kept on this device only (no Convex configured)');
  });
});
