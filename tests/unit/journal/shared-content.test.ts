import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRestoreService } from '../../../lib/background/create-restore-service';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import type { WatchedDashboard } from '../../../lib/storage';
import { capture } from '../support/capture-path';

const ORIGIN = 'http://127.0.0.1:4410';
const WATCHED: WatchedDashboard[] = [
  { id: 'd', pattern: `${ORIGIN}/:workspace/settings*`, extraLeftOut: [], managed: false },
];

/** The demo's bot-names save, made on `workspace`'s page: the same values in every workspace (the defaults). */
async function botNames(workspace: string, title = 'Bot names'): Promise<Snapshot> {
  const { snapshot } = await capture(
    {
      pageUrl: `${ORIGIN}/${workspace}/settings`,
      trigger: { kind: 'fetch' },
      request: {
        method: 'PUT',
        url: `/api/workspaces/${workspace}/settings/bot-names`,
        bodyKind: 'json',
        body: { primaryName: 'Robo', fallbackName: 'Backup', greetingStyle: 'friendly' },
      },
    },
    { salt: 'salt-salt-salt-salt', typeHint: 'bot-names' },
  );
  return { ...snapshot, title };
}

let journal: Journal;
let at = 1_000;

async function record(id: string, workspace: string, snapshot: Snapshot): Promise<BackupRecord> {
  at += 1_000;
  const { record } = await journal.record({
    id,
    workspace,
    snapshot,
    contentHash: await contentHash(snapshot),
    source: 'auto',
    capturedAt: at,
    device: 'here',
  });
  return record;
}

const place = (snapshot: Snapshot | null) => ({
  title: snapshot?.title,
  pageUrl: snapshot?.pageUrl,
  request: snapshot?.request?.url,
});

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`shared-content-${Math.random()}`));
});

describe('backups of two workspaces with the same settings', () => {
  it('each keep the page, title and save request they were captured with', async () => {
    const acme = await botNames('acme');
    const globex = await botNames('globex', 'Bots');
    // What the content hash covers is the same: one body serves both.
    expect(await contentHash(acme)).toBe(await contentHash(globex));
    const acmeRecord = await record('acme-1', 'acme', acme);
    const globexRecord = await record('globex-1', 'globex', globex);

    expect(place(await journal.snapshotOf(acmeRecord))).toEqual({
      title: 'Bot names',
      pageUrl: `${ORIGIN}/acme/settings`,
      request: '/api/workspaces/acme/settings/bot-names',
    });
    expect(place(await journal.snapshotOf(globexRecord))).toEqual({
      title: 'Bots',
      pageUrl: `${ORIGIN}/globex/settings`,
      request: '/api/workspaces/globex/settings/bot-names',
    });
  });

  it("keep their own when one was imported or pulled under the other's content", async () => {
    await record('acme-1', 'acme', await botNames('acme'));
    const globex = await botNames('globex');
    const hash = await contentHash(globex);
    await journal.importAll([
      {
        backup: {
          id: 'globex-imported',
          workspace: 'globex',
          snapshot: globex,
          contentHash: hash,
          source: 'import',
          capturedAt: (at += 1_000),
          device: 'there',
        },
        pinned: false,
      },
    ]);
    const imported = await journal.get('globex-imported');
    expect(place(await journal.snapshotOf(imported!)).pageUrl).toBe(`${ORIGIN}/globex/settings`);
  });

  it("restore the acme backup on acme's page, after globex saved the same settings", async () => {
    const acmeRecord = await record('acme-1', 'acme', await botNames('acme'));
    await record('globex-1', 'globex', await botNames('globex'));
    const restore = createRestoreService({
      journal,
      capture: {} as never,
      readWatched: async () => WATCHED,
      readSettings: async () => ({}) as never,
      device: async () => 'here',
      salt: async () => 'salt-salt-salt-salt',
    });
    // Before: the acme backup read globex's page ("not a watched dashboard of workspace acme").
    const preview = await restore.preview(acmeRecord.id);
    expect(preview).toMatchObject({ workspace: 'acme', title: 'Bot names' });
  });
});
