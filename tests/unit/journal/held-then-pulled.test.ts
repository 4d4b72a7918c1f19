import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { madeHere } from '../../../lib/journal/made-here';
import { openJournal } from '../../../lib/journal/open-journal';
import { backupRecord } from '../support/backup-record-fixture';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;

beforeEach(async () => {
  journal = createJournal(await openJournal(`held-then-pulled-${Math.random()}`));
});

describe('a backup held while storage was full, sent from the hold, and pulled back before it entered the journal', () => {
  it("enters the journal as this device's own, synced backup, keeping what Convex said of it", async () => {
    const own = snapshot('bot-names', { name: 'Ada' });
    // Another pass of the sync engine pulled it as another device's (the journal did not hold it yet).
    await journal.addSynced(
      [
        backupRecord({
          id: 'held-1',
          contentHash: 'h-ada',
          outbox: 'remote',
          device: 'Laptop',
          keyLabel: 'Admin key',
          pinned: true,
          pinnedBy: 'Desk',
          serverId: 'srv-1',
          syncedAt: 50,
        }),
      ],
      [
        {
          hash: 'h-ada',
          data: JSON.stringify({ ...own, pageUrl: 'https://elsewhere.example/acme/settings' }),
        },
      ],
    );
    // Then the hold settles: the backup enters the journal as acknowledged from the hold.
    const { record, added } = await journal.record(
      {
        id: 'held-1',
        workspace: 'acme',
        snapshot: own,
        contentHash: 'h-ada',
        source: 'auto',
        capturedAt: 10,
        device: 'Laptop',
      },
      { dedupe: false, syncedAt: 40 },
    );
    expect(added).toBe(true);
    const stored = await journal.get('held-1');
    expect(stored).toEqual(record);
    expect(stored).toMatchObject({ outbox: 'synced', keyLabel: 'Admin key', pinned: true, pinnedBy: 'Desk' });
    expect(madeHere(stored!)).toBe(true);
    expect((await journal.snapshotOf(stored!))?.pageUrl).toBe(own.pageUrl);
    expect(await journal.count()).toBe(1);
  });

  it("never lets a capture replace another device's backup or one of its own already recorded", async () => {
    await journal.addSynced(
      [backupRecord({ id: 'same-id', contentHash: 'h-x', outbox: 'remote' })],
      [{ hash: 'h-x', data: JSON.stringify(snapshot('bot-names', { name: 'X' })) }],
    );
    // A capture (not from the hold) with an id already pulled keeps the pulled backup.
    const capture = {
      id: 'same-id',
      workspace: 'acme',
      snapshot: snapshot('bot-names', { name: 'Y' }),
      contentHash: 'h-y',
      source: 'auto' as const,
      capturedAt: 20,
      device: 'Laptop',
    };
    expect((await journal.record(capture)).added).toBe(false);
    expect((await journal.get('same-id'))?.outbox).toBe('remote');
  });
});
