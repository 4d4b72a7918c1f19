import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaptureService } from '../../../lib/background/create-capture-service';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { settingsSchema } from '../../../lib/storage';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;

function service(freeSpace: () => Promise<number>) {
  return createCaptureService({
    journal,
    readSettings: async () => settingsSchema.parse({}),
    readInstall: async () => ({ salt: 'salt-salt-salt-salt', deviceId: 'd', deviceName: 'test' }),
    afterRecord: vi.fn(),
    freeSpace,
  });
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

  it('says clearly that storage is full when nothing can be pruned safely, and crashes nothing', async () => {
    quotaOnce(journal);
    await expect(
      service(async () => 0).record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto'),
    ).rejects.toThrow('Storage is full and nothing can be pruned safely');
  });

  it('never offers a backup that has not reached Convex for pruning', async () => {
    const capture = service(async () => 0);
    const first = await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    await capture.record(snapshot('bot-names', { name: 'Grace' }), 'acme', 'auto');
    await journal.update(first.record.id, (r) => ({ ...r, outbox: 'synced' }));
    expect((await journal.oldestPrunable(10)).map((r) => r.id)).toEqual([first.record.id]);
  });
});
