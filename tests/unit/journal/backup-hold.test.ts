import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackupHold } from '../../../lib/journal/create-backup-hold';
import { readHeld, type HeldBackup } from '../../../lib/storage';
import { snapshot } from '../support/snapshot-fixture';

function held(id: string, name: string, capturedAt: number): HeldBackup {
  return {
    id,
    workspace: 'acme',
    snapshot: snapshot('bot-names', { name }),
    contentHash: `hash-${name}`,
    source: 'auto',
    capturedAt,
    device: 'test',
  };
}

beforeEach(() => fakeBrowser.reset());

describe('the hold for backups the journal cannot take', () => {
  it('keeps every backup of saves made at the same moment (two tabs, or one "Save all")', async () => {
    const hold = createBackupHold();
    await Promise.all([
      hold.add(held('a', 'Ada', 1)),
      hold.add(held('b', 'Grace', 2)),
      hold.add(held('c', 'Linus', 3)),
    ]);
    expect((await readHeld()).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('does not bring back a removed backup nor lose a new one when both happen at once', async () => {
    const hold = createBackupHold();
    await hold.add(held('a', 'Ada', 1));
    await Promise.all([hold.remove('a'), hold.add(held('b', 'Grace', 2)), hold.markPushed('b', 5)]);
    expect(await readHeld()).toEqual([{ ...held('b', 'Grace', 2), pushedAt: 5 }]);
  });

  it('keeps backups in memory when even storage.local refuses, and says which is newest per section', async () => {
    const hold = createBackupHold({
      read: async () => [],
      write: async () => {
        throw new Error('disk full');
      },
    });
    await hold.add(held('a', 'Ada', 1));
    await hold.add(held('b', 'Grace', 2));
    expect((await hold.list()).map((e) => e.id)).toEqual(['a', 'b']);
    expect((await hold.latestOf('acme', 'bot-names'))?.id).toBe('b');
  });
});
