import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRestoreService } from '../../../lib/background/create-restore-service';
import { createJournal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import type { WatchedDashboard } from '../../../lib/storage';
import { snapshot } from '../support/snapshot-fixture';

const WATCHED: WatchedDashboard[] = [
  { id: 'd', pattern: 'http://127.0.0.1:*/:workspace/settings*', extraLeftOut: [], managed: false },
];

describe('a backup whose stored changes cannot be rebuilt', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is reported by preview and restore, which open and change nothing', async () => {
    const db = await openJournal(`restore-corrupted-${Math.random()}`);
    const journal = createJournal(db);
    for (const [i, name] of ['Ada', 'Grace'].entries()) {
      const body = snapshot('bot-names', { name });
      await journal.record({
        id: `b${i}`,
        workspace: 'acme',
        snapshot: body,
        contentHash: `hash-${name}`,
        source: 'manual',
        capturedAt: i,
        device: 'test',
      });
    }
    // The newest body, which the older one is stored as a change of, is lost.
    await db.delete('bodies', 'hash-Grace');
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    const restore = createRestoreService({
      journal,
      capture: {} as never,
      readWatched: async () => WATCHED,
      readSettings: async () => ({}) as never,
      device: async () => 'dev',
      salt: async () => 'salt-salt-salt-salt',
    });
    await expect(restore.preview('b0')).rejects.toThrow(
      /cannot be rebuilt: the backup it is stored as a change of is missing/,
    );
    await expect(restore.apply('b0')).rejects.toThrow(/cannot be rebuilt/);
    expect(opened).not.toHaveBeenCalled();
  });
});
