import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaptureService } from '../../../lib/background/create-capture-service';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { noteStorageHealth } from '../../../lib/background/note-storage-health';
import { createBackupHold } from '../../../lib/journal/create-backup-hold';
import { readHeld, readStorageHealth, settingsSchema } from '../../../lib/storage';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;

function service(freeSpace: () => Promise<number>, afterRecord = vi.fn(async () => undefined)) {
  return createCaptureService({
    journal,
    readSettings: async () => settingsSchema.parse({}),
    readInstall: async () => ({ salt: 'salt-salt-salt-salt', deviceId: 'd', deviceName: 'test' }),
    afterRecord,
    freeSpace,
    hold: createBackupHold(),
    noteStorage: (change) => noteStorageHealth(change),
  });
}

/** A journal whose writes all fail as a full disk does, until `free()` is called. */
function fullUntilFreed(target: Journal) {
  const original = target.record;
  let full = true;
  target.record = async (input) => {
    if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original(input);
  };
  return {
    free: () => {
      full = false;
    },
  };
}

function quotaOnce(target: Journal) {
  const original = target.record;
  let thrown = false;
  target.record = async (input) => {
    if (!thrown) {
      thrown = true;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return original(input);
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`quota-${Math.random()}`));
});

describe('storage quota', () => {
  it('frees space (oldest synced backups) and keeps the new backup when storage is short', async () => {
    quotaOnce(journal);
    const freeSpace = vi.fn(async () => 3);
    const result = await service(freeSpace).record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    expect(freeSpace).toHaveBeenCalledTimes(1);
    expect(result.added).toBe(true);
    expect(await journal.count()).toBe(1);
  });

  it('frees space, warns that storage ran short, and keeps the new backup in the journal', async () => {
    quotaOnce(journal);
    await service(async () => 3).record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    expect(await readStorageHealth()).toMatchObject({ state: 'short', pruned: 3, held: 0 });
    expect(await readHeld()).toEqual([]);
  });

  it('holds the backup aside (never drops it) when nothing can be pruned safely, and says storage is full', async () => {
    fullUntilFreed(journal);
    const afterRecord = vi.fn(async () => undefined);
    const capture = service(async () => 0, afterRecord);
    const result = await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    expect(result.added).toBe(true);
    const held = await readHeld();
    expect(held.map((entry) => entry.id)).toEqual([result.record.id]);
    expect(held[0]?.snapshot.fields[0]?.value).toBe('Ada');
    expect(await readStorageHealth()).toMatchObject({ state: 'full', held: 1 });
    // The sync engine is asked to run: it sends held backups to Convex straight away.
    expect(afterRecord).toHaveBeenCalledWith('acme', 'bot-names');
  });

  it('does not hold the same unchanged section twice while storage is full', async () => {
    fullUntilFreed(journal);
    const capture = service(async () => 0);
    await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    await capture.record(snapshot('bot-names', { name: 'Grace' }), 'acme', 'auto');
    expect((await readHeld()).map((entry) => entry.snapshot.fields[0]?.value)).toEqual(['Ada', 'Grace']);
  });

  it("keeps a save that goes back to the journal's latest content while newer ones are held", async () => {
    const capture = service(async () => 0);
    await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    const storage = fullUntilFreed(journal);
    await capture.record(snapshot('bot-names', { name: 'Grace' }), 'acme', 'auto');
    await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    expect((await readHeld()).map((e) => e.snapshot.fields[0]?.value)).toEqual(['Grace', 'Ada']);
    // Room again: a new save still queues behind the held ones, so the history keeps the order of the saves.
    storage.free();
    await capture.record(snapshot('bot-names', { name: 'Linus' }), 'acme', 'auto');
    expect((await readHeld()).map((e) => e.snapshot.fields[0]?.value)).toEqual(['Grace', 'Ada', 'Linus']);
  });

  it('never offers a backup that has not reached Convex for pruning', async () => {
    const capture = service(async () => 0);
    const first = await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    await capture.record(snapshot('bot-names', { name: 'Grace' }), 'acme', 'auto');
    await journal.update(first.record.id, (r) => ({ ...r, outbox: 'synced' }));
    expect((await journal.oldestPrunable(10)).map((r) => r.id)).toEqual([first.record.id]);
  });
});
