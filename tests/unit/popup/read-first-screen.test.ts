import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import {
  readSettings,
  readStatuses,
  readWatched,
  readWorkspaceFacts,
  writeSettings,
  writeStatus,
  writeWatched,
  writeWorkspaceFacts,
} from '../../../lib/storage';
import { chooseWorkspace } from '../../../lib/popup/choose-workspace';
import { adminRefusal } from '../../../lib/popup/describe-author';
import { snapshot } from '../support/snapshot-fixture';

const tab = vi.hoisted(() => ({ read: vi.fn() }));
vi.mock('../../../lib/popup/target-tab', () => ({ readTargetTab: tab.read }));

const { FIRST_PAINT, readFirstScreen } = await import('../../../lib/popup/read-first-screen');

const NOW = Date.UTC(2026, 11, 5, 12);
const WATCHED_URL = 'http://127.0.0.1:4400/zeta/settings';
const WATCHED = {
  id: 'd',
  pattern: 'http://127.0.0.1:4400/:workspace/settings*',
  extraLeftOut: [],
  managed: false,
};

async function backups(workspace: string, count: number): Promise<void> {
  const journal = createJournal(await openJournal());
  for (let i = 0; i < count; i += 1) {
    const body = snapshot('bot-names', { name: `${workspace} ${i}` });
    await journal.record({
      id: `${workspace}-${i}`,
      workspace,
      snapshot: body,
      contentHash: `${workspace}-${i}`,
      source: 'auto',
      device: 'Laptop',
      capturedAt: NOW + i,
    });
  }
}

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  tab.read.mockResolvedValue({ id: 1, url: 'http://127.0.0.1:4400/zeta/settings' });
});

describe('readFirstScreen (the history painted before React and zod load)', () => {
  it("picks the tab's watched workspace and shows its newest backups, status and set-up as the React popup reads them", async () => {
    await writeWatched([
      { id: 'd', pattern: 'http://127.0.0.1:4400/:workspace/settings*', extraLeftOut: [], managed: false },
    ]);
    await writeSettings({ convexUrl: 'https://acme.convex.cloud', accessKey: 'sp_key' });
    await writeStatus('zeta', {
      state: 'error',
      error: 'Access key rejected',
      retryable: false,
      updatedAt: NOW,
    } as never);
    await writeWorkspaceFacts('zeta', { role: 'capture', keyLabel: 'ci', checkedAt: NOW });
    await backups('acme', 2);
    await backups('zeta', FIRST_PAINT + 5);

    const screen = await readFirstScreen();
    const settings = await readSettings();
    expect(screen?.workspace).toBe('zeta');
    expect(screen?.footer).toBe('unwatch');
    expect(screen?.status).toEqual((await readStatuses()).zeta);
    expect(screen?.refusal).toBe(adminRefusal((await readWorkspaceFacts()).zeta));
    expect(screen?.refusal).toContain('capture key');
    expect(screen?.configured).toBe(!!settings.convexUrl && !!settings.accessKey);
    expect(screen?.records.map((record) => record.id)).toEqual(
      (await createJournal(await openJournal()).newest('zeta', FIRST_PAINT)).map((record) => record.id),
    );
  });

  it('asks for the tab and the stored items while the journal opens, not once it has opened', async () => {
    await writeWatched([WATCHED]);
    await backups('zeta', 1);
    tab.read.mockClear();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const screen = readFirstScreen();
    expect(tab.read).toHaveBeenCalledOnce();
    expect(get).toHaveBeenCalledOnce();
    expect((await screen)?.records).toHaveLength(1);
  });

  it('elsewhere, opens on the first workspace by name, as the React popup does', async () => {
    tab.read.mockResolvedValue({ id: 1, url: 'chrome://newtab/' });
    await backups('globex', 1);
    await backups('acme', 1);
    expect((await readFirstScreen())?.workspace).toBe('acme');
  });

  it('gives nothing to show when there is no backup and no status', async () => {
    expect(await readFirstScreen()).toBeNull();
  });

  it.each([
    ['a watched dashboard without a pattern', { watchedDashboards: [{ id: 'd' }] }],
    ['a watched list that is not a list', { watchedDashboards: { pattern: 'x' } }],
    ['a status in no known state', { syncStatus: { acme: { state: 'happy', updatedAt: NOW } } }],
    [
      'a status with a count that is not a whole number',
      { syncStatus: { acme: { state: 'synced', waiting: 1.5, updatedAt: NOW } } },
    ],
  ])('leaves the history to the React popup when storage holds %s', async (_name, stored) => {
    await backups('acme', 1);
    await fakeBrowser.storage.local.set(stored);
    expect(await readFirstScreen()).toBeNull();
  });

  it.each([
    ['a page that is not watched (the React popup offers to watch it)', {}, 'https://news.example.org/'],
    [
      'storage running short',
      { storageHealth: { state: 'short', pruned: 3, held: 0, at: NOW } },
      WATCHED_URL,
    ],
    [
      'the page drifted from its backups',
      { drift: { zeta: { changed: 2, since: NOW, sections: [], checkedAt: NOW } } },
      WATCHED_URL,
    ],
  ])(
    'leaves the history to the React popup on %s, which it shows above the history',
    async (_name, stored, url) => {
      tab.read.mockResolvedValue({ id: 1, url });
      await writeWatched([WATCHED]);
      await backups('zeta', 1);
      await fakeBrowser.storage.local.set(stored);
      expect(await readFirstScreen()).toBeNull();
    },
  );

  // Stored shapes run through the hand checks and through lib/storage.ts's schemas: wherever the schemas drop
  // something, the first screen must not be painted; wherever they keep it all, both pick the same workspace.
  const SHAPES: [string, Record<string, unknown>][] = [
    ['valid', {}],
    ['a watched dashboard without an id', { watchedDashboards: [{ ...WATCHED, id: undefined }] }],
    ['extraLeftOut that is not a list of text', { watchedDashboards: [{ ...WATCHED, extraLeftOut: [1] }] }],
    [
      'too many ignore rules',
      { watchedDashboards: [{ ...WATCHED, ignoreRules: Array(501).fill('GET /x') }] },
    ],
    ['a workspace set with spaces around it', { watchedDashboards: [{ ...WATCHED, workspace: ' acme ' }] }],
    [
      'a count past the safe integers',
      { syncStatus: { zeta: { state: 'synced', waiting: 2 ** 60, updatedAt: NOW } } },
    ],
    [
      'an infinite time',
      { syncStatus: { zeta: { state: 'synced', lastSyncedAt: Infinity, updatedAt: NOW } } },
    ],
  ];
  it.each(SHAPES)('agrees with the schemas on %s', async (_name, stored) => {
    tab.read.mockResolvedValue({ id: 1, url: WATCHED_URL });
    await backups('acme', 1);
    await backups('zeta', 1);
    await fakeBrowser.storage.local.set({ watchedDashboards: [WATCHED], ...stored });
    const raw = await fakeBrowser.storage.local.get(['watchedDashboards', 'syncStatus']);
    const watched = await readWatched();
    const statuses = await readStatuses();
    const schemasKeptAll =
      watched.length === (raw.watchedDashboards as unknown[]).length &&
      Object.keys(statuses).length === Object.keys((raw.syncStatus as object | undefined) ?? {}).length;
    const screen = await readFirstScreen();
    if (!schemasKeptAll) expect(screen).toBeNull();
    else {
      const { workspace } = chooseWorkspace(WATCHED_URL, watched, ['acme', 'zeta'], Object.keys(statuses));
      expect(screen?.workspace).toBe(workspace);
    }
  });
});
