import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { requestRefusal } from '../../../lib/background/request-refusal';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { BackupSource } from '../../../lib/journal/backup-record';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import type { WatchedDashboard } from '../../../lib/storage';
import { capture } from '../support/capture-path';

const TAB = 'http://127.0.0.1:4410/acme/lab/forms';
const SAVE = '/api/workspaces/acme/settings/bot-names';

async function botNames(url: string, primaryName: string, type = 'bot-names'): Promise<Snapshot> {
  const { snapshot } = await capture(
    {
      pageUrl: 'http://127.0.0.1:4410/acme/settings',
      trigger: { kind: 'fetch' },
      request: { method: 'PUT', url, bodyKind: 'json', body: { primaryName, fallbackName: 'Grace' } },
    },
    { salt: 'salt-salt-salt-salt', typeHint: type },
  );
  return snapshot;
}

let journal: Journal;
let at = 1000;
const WATCHED: WatchedDashboard[] = [
  { id: 'd', pattern: 'http://127.0.0.1:*/:workspace/*', extraLeftOut: [], managed: false },
];

async function add(id: string, snapshot: Snapshot, source: BackupSource, remote = false) {
  at += 1000;
  await journal.record({
    id,
    workspace: 'acme',
    snapshot,
    contentHash: await contentHash(snapshot),
    source,
    capturedAt: at,
    device: 'here',
  });
  if (remote) await journal.update(id, (record) => ({ ...record, outbox: 'remote' }));
}

/** Why `backup` may not be sent from the acme tab; null when it may. */
function refusal(backup: Snapshot, madeHere = false) {
  return requestRefusal(
    { journal, watched: async () => WATCHED },
    { workspace: 'acme', backup, tabUrl: TAB, madeHere },
  );
}

beforeEach(async () => {
  journal = createJournal(await openJournal(`refusal-${Math.random()}`));
});

describe('which save requests a restore may send', () => {
  it("sends a backup made here, and another device's or an import to an address this browser saw it save to", async () => {
    const own = await botNames(SAVE, 'Ada');
    await add('own', own, 'auto');
    expect(await refusal(own, true)).toBeNull();
    const imported = await botNames(SAVE, 'Grace');
    await add('imported', imported, 'import');
    expect(await refusal(imported)).toBeNull();
  });

  it('refuses an address only imports, pulls or another section went to', async () => {
    const elsewhere = await botNames('/api/workspaces/globex/settings/bot-names', 'Mallory');
    await add('imported', elsewhere, 'import');
    await add('pulled', await botNames('/api/workspaces/globex/settings/bot-names', 'Eve'), 'auto', true);
    await add(
      'other-section',
      await botNames('/api/workspaces/globex/settings/bot-names', 'Eve', 'brain'),
      'auto',
    );
    expect(await refusal(elsewhere)).toMatch(
      /Savepoint has not seen bot-names saved by PUT \/api\/workspaces\/globex\/settings\/bot-names/,
    );
  });

  it("finds this browser's capture behind many newer backups pulled from other devices", async () => {
    await add('own', await botNames(SAVE, 'Ada'), 'auto');
    for (let i = 0; i < 60; i += 1) await add(`pulled-${i}`, await botNames(SAVE, `Eve ${i}`), 'auto', true);
    expect(await refusal(await botNames(SAVE, 'Grace'))).toBeNull();
  });

  it("does not count a capture here whose page is another workspace's", async () => {
    // Backups with the same content share one stored body: this one names globex's page and address.
    const { snapshot } = await capture(
      {
        pageUrl: 'http://127.0.0.1:4410/globex/settings',
        trigger: { kind: 'fetch' },
        request: {
          method: 'PUT',
          url: '/api/workspaces/globex/settings/bot-names',
          bodyKind: 'json',
          body: { primaryName: 'Ada', fallbackName: 'Grace' },
        },
      },
      { salt: 'salt-salt-salt-salt', typeHint: 'bot-names' },
    );
    await add('shared-body', snapshot, 'auto');
    expect(await refusal(await botNames('/api/workspaces/globex/settings/bot-names', 'Mallory'))).toMatch(
      /has not seen/,
    );
  });

  it('refuses a backup whose fields show other values than its request would send', async () => {
    const own = await botNames(SAVE, 'Ada');
    await add('own', own, 'auto');
    const edited: Snapshot = {
      ...own,
      fields: own.fields.map((field) => (field.key === 'primaryName' ? { ...field, value: 'Shown' } : field)),
    };
    expect(await refusal(edited, true)).toMatch(/shows one value for .* and its save request holds another/);
  });
});
