import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaptureService } from '../../../lib/background/create-capture-service';
import { pruneSlack } from '../../../lib/journal/prune-slack';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { createBackupHold } from '../../../lib/journal/create-backup-hold';
import { settingsSchema } from '../../../lib/storage';
import { snapshot } from '../support/snapshot-fixture';
import { openJournal } from '../../../lib/journal/open-journal';

let journal: Journal;

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`retention-${Math.random()}`));
});

/** A capture service keeping `keep` backups per section, whose sync passes end when the test says so. */
function retainingOne(keep = 1) {
  const passes: (() => void)[] = [];
  const countsWhenSent: number[] = [];
  const afterRecord = vi.fn(async () => {
    countsWhenSent.push(await journal.count());
    await new Promise<void>((resolve) => passes.push(resolve));
  });
  const capture = createCaptureService({
    journal,
    readSettings: async () => settingsSchema.parse({ retentionPerSection: keep }),
    readInstall: async () => ({ salt: 'salt-salt-salt-salt', deviceId: 'd', deviceName: 'test' }),
    afterRecord,
    freeSpace: async () => 0,
    hold: createBackupHold(),
    noteStorage: async () => undefined,
  });
  return { capture, passes, countsWhenSent };
}

describe('retention after a capture', () => {
  it('sends the new backup first and prunes the section once that sync pass is over', async () => {
    const { capture, passes, countsWhenSent } = retainingOne();
    const first = await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    await journal.update(first.record.id, (r) => ({ ...r, outbox: 'synced' }));
    passes.shift()?.();
    const second = await capture.record(snapshot('bot-names', { name: 'Grace' }), 'acme', 'auto');
    // The save is answered and its sync pass started with the old backup still there: retention has not read
    // the section on the way.
    await vi.waitFor(() => expect(countsWhenSent).toEqual([1, 2]));
    expect(await journal.count()).toBe(2);
    passes.shift()?.();
    await vi.waitFor(async () =>
      expect((await journal.list('acme')).map((r) => r.id)).toEqual([second.record.id]),
    );
  });

  it('prunes a burst of saves in one read of the section, after their sync pass', async () => {
    const { capture, passes } = retainingOne();
    const prune = vi.spyOn(journal, 'prune');
    const first = await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    await journal.update(first.record.id, (r) => ({ ...r, outbox: 'synced' }));
    const rest: Awaited<ReturnType<typeof capture.record>>[] = [];
    for (const name of ['Grace', 'Linus', 'Barbara'])
      rest.push(await capture.record(snapshot('bot-names', { name }), 'acme', 'auto'));
    for (const record of rest) await journal.update(record.record.id, (r) => ({ ...r, outbox: 'synced' }));
    expect(prune).not.toHaveBeenCalled();
    for (const pass of passes.splice(0)) pass();
    await vi.waitFor(async () =>
      expect((await journal.list('acme')).map((r) => r.id)).toEqual([rest[2]?.record.id]),
    );
    expect(prune).toHaveBeenCalledOnce();
  });

  it('prunes a large retention in batches of 1 %, a small one exactly', () => {
    expect([1, 99, 100, 200, 10_000].map(pruneSlack)).toEqual([0, 0, 1, 2, 100]);
  });

  it('lets a section of 100 go 1 % over its retention before the save that prunes it', async () => {
    const { capture, passes } = retainingOne(100);
    const saveSynced = async (name: string) => {
      const { record } = await capture.record(snapshot('bot-names', { name }), 'acme', 'auto');
      await journal.update(record.id, (r) => ({ ...r, outbox: 'synced' }));
      for (const pass of passes.splice(0)) pass();
    };
    for (let i = 0; i < 101; i += 1) await saveSynced(`Bot ${i}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await journal.count()).toBe(101);
    await saveSynced('One too many');
    await vi.waitFor(async () => expect(await journal.count()).toBe(100));
  });

  it('keeps every backup while a section is within its retention', async () => {
    const { capture, passes } = retainingOne();
    const only = await capture.record(snapshot('bot-names', { name: 'Ada' }), 'acme', 'auto');
    await journal.update(only.record.id, (r) => ({ ...r, outbox: 'synced' }));
    passes.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await journal.list('acme')).map((r) => r.id)).toEqual([only.record.id]);
  });
});
