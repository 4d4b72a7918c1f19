// SECURITY: the change feed of one workspace deletes/pins backups of another workspace on this device.
// pullWorkspaceChanges(workspace) looks each audit entry's clientBackupId up in the journal (ids are global here,
// per-workspace in Convex) and applies it without checking that the record is of `workspace`. An admin of
// workspace globex (the same device also watches acme) creates a globex backup whose clientBackupId is an acme
// backup's id (createBackup accepts any id), deletes it: every device that follows globex deletes its acme
// backup, even one still waiting in the outbox (so it never reaches Convex).
import 'fake-indexeddb/auto';
import type { ConvexHttpClient } from 'convex/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, it } from 'vitest';
import { contentHash } from '../../../lib/capture/canonical-json';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import { settingsSchema } from '../../../lib/storage';
import { pullWorkspaceChanges } from '../../../lib/sync/pull-workspace-changes';
import { snapshot } from '../support/snapshot-fixture';

let journal: Journal;
const settings = settingsSchema.parse({ convexUrl: 'http://convex.test', accessKey: 'sp_main' });

beforeEach(async () => {
  fakeBrowser.reset();
  journal = createJournal(await openJournal(`cross-${Math.random()}`));
  const body = snapshot('bot-names', { name: 'Ada' });
  await journal.record({
    id: 'acme-backup-1',
    workspace: 'acme',
    snapshot: body,
    contentHash: await contentHash(body),
    source: 'auto',
    capturedAt: 1,
    device: 'this device',
  });
});

it("globex's change feed does not delete or pin an acme backup", async () => {
  const client = {
    action: async () => ({
      entries: [
        { action: 'pin', clientBackupId: 'acme-backup-1', keyLabel: 'Globex admin', at: 10 },
        { action: 'delete', clientBackupId: 'acme-backup-1', keyLabel: 'Globex admin', at: 11 },
      ],
      more: false,
      retention: 200,
      retentionSet: false,
      key: { role: 'admin', label: 'Globex admin' },
    }),
  } as unknown as ConvexHttpClient;
  const changed = await pullWorkspaceChanges({ client, settings, journal, workspace: 'globex' });
  expect(changed).toBe(0);
  expect(await journal.get('acme-backup-1')).toMatchObject({ workspace: 'acme', outbox: 'pending' });
});
