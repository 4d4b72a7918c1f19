import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { readStatuses, settingsSchema } from '../../../lib/storage';
import { fakeConvexClient, recordBotNames, testSyncEngine } from '../support/sync-engine-fixture';

let journal: Journal;

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`created-answer-${Math.random()}`));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

/** Sends one backup to a Convex that answers `answer` to it. */
async function sendWithAnswer(answer: unknown) {
  await recordBotNames(journal, 'Ada', 1_000);
  const client = fakeConvexClient({ createBackup: async () => answer });
  const settings = settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_key' });
  await testSyncEngine({ journal, settings: () => settings, now: () => 2_000, client }).drain();
  return journal.get('id-Ada');
}

describe("Convex's answer to a new backup, checked before the journal keeps any of it", () => {
  it.each([
    [
      'a key label of 100,000 characters',
      { id: 'server-id', duplicate: false, keyLabel: 'K'.repeat(100_000) },
    ],
    ['a key label that is not text', { id: 'server-id', duplicate: false, keyLabel: { toString: 'x' } }],
    ['no id', { duplicate: false }],
  ])('does not count the backup as sent on an answer with %s, and says why', async (_, answer) => {
    const record = await sendWithAnswer(answer);
    expect(record?.outbox).not.toBe('synced');
    expect(JSON.stringify(record).length).toBeLessThan(5_000);
    expect((await readStatuses()).acme).toMatchObject({
      state: 'error',
      error: expect.stringContaining('Convex answered the backup with something Savepoint cannot read'),
    });
  });

  it("keeps the key label of an answer as Savepoint's functions give it", async () => {
    const record = await sendWithAnswer({ id: 'server-id', duplicate: false, keyLabel: 'Ops laptop' });
    expect(record).toMatchObject({ outbox: 'synced', serverId: 'server-id', keyLabel: 'Ops laptop' });
  });
});
