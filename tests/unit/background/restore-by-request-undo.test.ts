// The demo's Brain section: its read (GET) adds "apiKeySet", a computed member its save (PUT) refuses as unknown.
// A restore by request sends only what the save sends; the "Before restore" entry it leaves for Undo was made from
// the read whole, so Undo sent "apiKeySet" too and the dashboard refused it: the user could not undo.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  restoreByRequest,
  serverSection,
  type RequestRestoreDeps,
} from '../../../lib/background/restore-by-request';
import { contentHash } from '../../../lib/capture/canonical-json';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import type { WatchedDashboard } from '../../../lib/storage';
import { capture } from '../support/capture-path';

const TAB = 'https://dash.example.com/acme/overview';
const SAVE = 'https://dash.example.com/api/workspaces/acme/settings/brain';
const SALT = 'salt-salt-salt-salt';
const WORKSPACE = 'acme';
const DASHBOARD: WatchedDashboard = {
  id: 'd',
  pattern: 'https://dash.example.com/*',
  extraLeftOut: [],
  managed: false,
};

interface Brain {
  model: string;
  systemPrompt: string;
}

async function brainSave(body: Brain): Promise<Snapshot> {
  const { snapshot } = await capture(
    {
      pageUrl: TAB,
      trigger: { kind: 'fetch' },
      request: { method: 'PUT', url: SAVE, bodyKind: 'json', body },
    },
    { salt: SALT, typeHint: 'brain' },
  );
  return snapshot;
}

let journal: Journal;
let at = 1000;

async function record(snapshot: Snapshot, source: 'auto' | 'manual') {
  at += 1000;
  return journal.record({
    id: `b${at}`,
    workspace: WORKSPACE,
    snapshot,
    contentHash: await contentHash(snapshot),
    source,
    capturedAt: at,
    device: 'here',
  });
}

/** The Brain's server: its read shows `apiKeySet`; its save refuses any member it does not know. */
function brainServer(start: Brain) {
  let held = start;
  const sent: unknown[] = [];
  const deps: RequestRestoreDeps = {
    journal,
    watched: async () => [DASHBOARD],
    read: async () => ({ ok: true, status: 200, body: { ...held, apiKeySet: false } }),
    send: async (_tab, save) => {
      sent.push(save.body);
      const body = save.body as Record<string, unknown>;
      if (Object.keys(body).some((key) => key !== 'model' && key !== 'systemPrompt'))
        return { ok: false, status: 400, body: { error: 'Unknown field' } };
      held = body as unknown as Brain;
      return { ok: true, status: 200 };
    },
    salt: async () => SALT,
  };
  return { deps, sent, held: () => held };
}

const restore = (deps: RequestRestoreDeps, backup: Snapshot) =>
  restoreByRequest(deps, {
    tabId: 1,
    tabUrl: TAB,
    workspace: WORKSPACE,
    dashboard: DASHBOARD,
    backup,
    madeHere: true,
  });

beforeEach(async () => {
  journal = createJournal(await openJournal(`undo-${Math.random()}`));
});

describe('Undo of a restore by request', () => {
  it('sends only what the dashboard’s save sends, and puts the values back', async () => {
    const older = await brainSave({ model: 'small', systemPrompt: 'Be brief' });
    await record(older, 'auto');
    await record(await brainSave({ model: 'large', systemPrompt: 'Be verbose' }), 'auto');
    const server = brainServer({ model: 'large', systemPrompt: 'Be verbose' });

    const restored = await restore(server.deps, older);
    expect(restored.report.saveError).toBeUndefined();
    expect(server.held()).toEqual({ model: 'small', systemPrompt: 'Be brief' });

    const input = { tabUrl: TAB, dashboard: DASHBOARD, backup: older };
    const before = await serverSection(restored.before, input, SALT);
    await record(before, 'manual');
    const undone = await restore(server.deps, before);
    expect(server.sent.at(-1)).toEqual({ model: 'large', systemPrompt: 'Be verbose' });
    expect(undone.report.saveError).toBeUndefined();
    expect(server.held()).toEqual({ model: 'large', systemPrompt: 'Be verbose' });
  });
});
