import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { requestRefusal } from '../../../lib/background/request-refusal';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { BackupSource } from '../../../lib/journal/backup-record';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
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

beforeEach(async () => {
  journal = createJournal(await openJournal(`refusal-${Math.random()}`));
});

describe('which save requests a restore may send', () => {
  it("sends a backup captured here, and another device's or an import to an address this browser saw it save to", async () => {
    const own = await botNames(SAVE, 'Ada');
    await add('own', own, 'auto');
    expect(await requestRefusal(journal, 'acme', own, TAB)).toBeNull();
    const imported = await botNames(SAVE, 'Grace');
    await add('imported', imported, 'import');
    expect(await requestRefusal(journal, 'acme', imported, TAB)).toBeNull();
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
    expect(await requestRefusal(journal, 'acme', elsewhere, TAB)).toMatch(
      /never saw the dashboard save bot-names by PUT \/api\/workspaces\/globex\/settings\/bot-names/,
    );
  });

  it('refuses a backup whose fields show other values than its request would send', async () => {
    const own = await botNames(SAVE, 'Ada');
    await add('own', own, 'auto');
    const edited: Snapshot = {
      ...own,
      fields: own.fields.map((field) => (field.key === 'primaryName' ? { ...field, value: 'Shown' } : field)),
    };
    expect(await requestRefusal(journal, 'acme', edited, TAB)).toMatch(
      /shows one value for .* and its save request holds another/,
    );
  });
});
