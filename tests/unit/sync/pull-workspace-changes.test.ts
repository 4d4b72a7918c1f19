import 'fake-indexeddb/auto';
import type { ConvexHttpClient } from 'convex/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../lib/capture/canonical-json';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { adminRefusal } from '../../../lib/popup/describe-author';
import { readWorkspaceFacts, settingsSchema } from '../../../lib/storage';
import { pullWorkspaceChanges } from '../../../lib/sync/pull-workspace-changes';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;
const settings = settingsSchema.parse({
  convexUrl: 'http://convex.test',
  accessKey: 'sp_main',
  workspaceKeys: [{ workspace: 'acme', accessKey: 'sp_acme' }],
});

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`changes-${Math.random()}`));
  for (const [id, name] of [
    ['a', 'Ada'],
    ['b', 'Grace'],
    ['c', 'Linus'],
  ] as const) {
    const body = snapshot('bot-names', { name });
    await journal.record({
      id,
      workspace: 'acme',
      snapshot: body,
      contentHash: await contentHash(body),
      source: 'auto',
      capturedAt: id.charCodeAt(0),
      device: 'this device',
    });
  }
});

type Feed = { entries: unknown[]; more: boolean; retention: number; retentionSet: boolean; key: object };

/** A Convex client whose change feed answers `feeds` in turn, recording each call's arguments. */
function feedClient(feeds: Feed[]) {
  const calls: Record<string, unknown>[] = [];
  const client = {
    action: async (_ref: unknown, args: Record<string, unknown>) => {
      calls.push(args);
      return feeds.shift() ?? { ...feeds[0], entries: [], more: false };
    },
  } as unknown as ConvexHttpClient;
  return { client, calls };
}

const admin = { role: 'admin', label: 'Ops admin' };

describe("following admins' changes from other devices (issue 14, item 2)", () => {
  it('pins, unpins and deletes backups here as admins did elsewhere, reading the feed page by page', async () => {
    await journal.update('c', (r) => ({ ...r, pinned: true }));
    const { client, calls } = feedClient([
      {
        entries: [
          { action: 'pin', clientBackupId: 'a', keyLabel: 'Ops admin', device: 'Chromium on Linux', at: 10 },
          { action: 'unpin', clientBackupId: 'c', keyLabel: 'Ops admin', at: 11 },
          { action: 'pin', clientBackupId: 'not-here', keyLabel: 'Ops admin', at: 12 },
          { action: 'bogus', clientBackupId: 'b', keyLabel: 'x', at: 13 },
        ],
        more: true,
        retention: 200,
        retentionSet: false,
        key: admin,
      },
      {
        entries: [{ action: 'delete', clientBackupId: 'b', keyLabel: 'Ops admin', at: 20 }],
        more: false,
        retention: 200,
        retentionSet: false,
        key: admin,
      },
    ]);
    const changed = await pullWorkspaceChanges({ client, settings, journal, workspace: 'acme' });
    expect(changed).toBe(3);
    expect(await journal.get('a')).toMatchObject({
      pinned: true,
      pinnedBy: 'Chromium on Linux · key Ops admin',
    });
    expect((await journal.get('c'))?.pinned).toBe(false);
    expect(await journal.get('b')).toBeUndefined();
    // The workspace's own key, and each read starts after the last change seen (malformed entries skipped).
    expect(calls.map((c) => [c.accessKey, c.after])).toEqual([
      ['sp_acme', 0],
      ['sp_acme', 12],
    ]);
    expect((await readWorkspaceFacts()).acme).toMatchObject({
      role: 'admin',
      keyLabel: 'Ops admin',
      changesAt: 20,
    });
  });

  it('starts the next pull where the last one stopped, and notes the retention admins set', async () => {
    const first = feedClient([
      {
        entries: [{ action: 'retention', keyLabel: 'Ops admin', at: 30, report: 'Keep 5' }],
        more: false,
        retention: 5,
        retentionSet: true,
        key: { role: 'capture', label: 'Laptop' },
      },
    ]);
    await pullWorkspaceChanges({ client: first.client, settings, journal, workspace: 'acme' });
    expect((await readWorkspaceFacts()).acme).toMatchObject({ retention: 5, role: 'capture', changesAt: 30 });
    const second = feedClient([
      {
        entries: [],
        more: false,
        retention: 5,
        retentionSet: true,
        key: { role: 'capture', label: 'Laptop' },
      },
    ]);
    await pullWorkspaceChanges({ client: second.client, settings, journal, workspace: 'acme' });
    expect(second.calls[0]?.after).toBe(30);
  });

  it('refuses a feed that is not one, changing nothing', async () => {
    const { client } = feedClient([{ entries: 'x' } as unknown as Feed]);
    await expect(pullWorkspaceChanges({ client, settings, journal, workspace: 'acme' })).rejects.toThrow();
    expect((await journal.list('acme')).length).toBe(3);
  });

  it('shows who pinned a backup and which key this device holds without their bidi controls', async () => {
    const { client } = feedClient([
      {
        entries: [
          {
            action: 'pin',
            clientBackupId: 'a',
            keyLabel: 'Ops \u202Egnp.exe',
            device: '\u2066Linux\u2069',
            at: 10,
          },
        ],
        more: false,
        retention: 200,
        retentionSet: false,
        key: { role: 'capture', label: 'Laptop \u202Egnp.exe' },
      },
    ]);
    await pullWorkspaceChanges({ client, settings, journal, workspace: 'acme' });
    expect((await journal.get('a'))?.pinnedBy).toBe('Linux · key Ops gnp.exe');
    expect(adminRefusal((await readWorkspaceFacts()).acme)).toBe(
      'Restoring, pinning and deleting need an admin key; key "Laptop gnp.exe" is a capture key',
    );
  });
});
