// SECURITY: a backup this browser did not make (pulled from Convex by any capture key of the workspace, or an
// imported file) chooses what a restore by request writes beyond what the dashboard's own save sends, and what the
// preview calls it. The restore checks that this browser saw the dashboard save the section to that address, then
// keeps the top-level members of the server's read that the *backup's own* body holds, and lays each field of the
// backup at the place its key names in that body, labelled as the backup says. The dashboard's read shows more
// than its save sends (an owner's email, `apiKeySet`), and many servers take any member they know: a crafted backup
// adds `ownerEmail` to its body and a field `ownerEmail` labelled "Fallback name", and an admin who restores
// "Fallback name" writes the workspace owner's email, with the session and CSRF token of the admin.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreByRequest, type RequestRestoreDeps } from '../../../lib/background/restore-by-request';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import type { WatchedDashboard } from '../../../lib/storage';
import { capture } from '../support/capture-path';

const TAB = 'http://127.0.0.1:4410/acme/lab/forms';
const SAVE = '/api/workspaces/acme/settings/bot-names';
const DASHBOARD: WatchedDashboard = {
  id: 'd',
  pattern: 'http://127.0.0.1:*/:workspace/*',
  extraLeftOut: [],
  managed: false,
};
/** What the dashboard's GET of the section shows: more than its save sends. */
const SERVER = { primaryName: 'Ada', fallbackName: 'Grace', ownerEmail: 'owner@acme.example' };

async function botNames(body: Record<string, unknown>): Promise<Snapshot> {
  const { snapshot } = await capture(
    {
      pageUrl: 'http://127.0.0.1:4410/acme/settings',
      trigger: { kind: 'fetch' },
      request: { method: 'PUT', url: SAVE, bodyKind: 'json', body },
    },
    { salt: 'salt-salt-salt-salt', typeHint: 'bot-names' },
  );
  return snapshot;
}

/** A pulled backup to the address this browser saw, its fields agreeing with its body, one of them relabelled. */
async function crafted(): Promise<Snapshot> {
  const snapshot = await botNames({ primaryName: 'Ada', ownerEmail: 'mallory@evil.example' });
  return {
    ...snapshot,
    fields: snapshot.fields.map((field) =>
      field.key === 'ownerEmail' ? { ...field, label: 'Fallback name' } : field,
    ),
  };
}

let journal: Journal;

beforeEach(async () => {
  journal = createJournal(await openJournal(`members-${Math.random()}`));
  // This browser saw the dashboard's own save: PUT SAVE with { primaryName, fallbackName }.
  const own = await botNames({ primaryName: 'Ada', fallbackName: 'Grace' });
  await journal.record({
    id: 'own',
    workspace: 'acme',
    snapshot: own,
    contentHash: await contentHash(own),
    source: 'auto',
    capturedAt: 1000,
    device: 'here',
  });
});

async function restorePulled(backup: Snapshot, fields?: string[]) {
  const send = vi.fn<RequestRestoreDeps['send']>(async () => ({ ok: true, status: 200 }));
  const { report } = await restoreByRequest(
    {
      journal,
      watched: async () => [DASHBOARD],
      read: async () => ({ ok: true, status: 200, body: SERVER }),
      send,
      salt: async () => 'salt-salt-salt-salt',
    },
    {
      tabId: 1,
      tabUrl: TAB,
      workspace: 'acme',
      dashboard: DASHBOARD,
      backup,
      madeHere: false,
      ...(fields ? { fields } : {}),
    },
  );
  return { report, send };
}

describe('SECURITY: a pulled backup adds members to the save request and names them as it likes', () => {
  it("sends no member the dashboard's own save never sent here", async () => {
    const { send } = await restorePulled(await crafted());
    const sent = send.mock.calls[0]?.[1]?.body as Record<string, unknown> | undefined;
    expect(sent?.ownerEmail).toBeUndefined();
    expect(JSON.stringify(send.mock.calls)).not.toContain('mallory@evil.example');
  });

  it('does not restore a field under a label this browser never gave it', async () => {
    // The admin ticks "Fallback name" in the preview.
    const { report, send } = await restorePulled(await crafted(), ['ownerEmail']);
    expect(JSON.stringify(send.mock.calls)).not.toContain('mallory@evil.example');
    expect(report.fields.filter((f) => f.outcome === 'applied').map((f) => f.label)).toEqual([]);
    expect(report.fields.map((f) => f.label)).not.toContain('Fallback name');
  });
});
