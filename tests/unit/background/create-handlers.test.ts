// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDriftKeeper } from '../../../lib/background/create-drift-keeper';
import { createHandlers } from '../../../lib/background/create-handlers';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import { buildDraft } from '../../../lib/page/dom/build-draft';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { Journal } from '../../../lib/journal/create-journal';
import type { SnapshotDraft } from '../../../lib/capture/snapshot-draft';
import type { Sender } from '../../../lib/messaging';
import { readDrift, writeWatched } from '../../../lib/storage';
import { mount } from '../capture/demo-dashboard';

const PAGE = 'https://dash.example.com/acme/settings';
const PASSWORD = 'Pw-correct-horse-battery';
const API_KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz012345';
const FORM = `<form><h2>Brain</h2>
  <label>Model <input name="model" value="claude"></label>
  <label>Webhook <input name="webhook" value="https://hooks.example.com/a"></label>
  <label>Password <input type="password" name="adminPassword" value="${PASSWORD}"></label></form>`;

/** Handlers with a ledger that confirms every save, a journal that knows only `stored`, and a recording spy. */
function setUp(claim = true, reads?: Parameters<typeof createHandlers>[0]['reads']) {
  let stored: Snapshot | null = null;
  const record = vi.fn(async (snapshot: Snapshot) => {
    stored = snapshot;
    return { record: { id: 'b1' }, added: true };
  });
  const journal = {
    latestOfSection: async () => (stored ? { id: 'b1', contentHash: 'h', capturedAt: 1 } : undefined),
    snapshotOf: async () => stored,
  } as unknown as Journal;
  const handlers = createHandlers({
    journal,
    drift: createDriftKeeper(journal),
    capture: { record },
    ledger: { claim: async () => claim },
    onChange: () => undefined,
    ...(reads ? { reads } : {}),
  } as unknown as Parameters<typeof createHandlers>[0]);
  const sender = { id: fakeBrowser.runtime.id, tab: { id: 7, url: PAGE }, frameId: 0, url: PAGE } as Sender;
  const send = (type: string, data: unknown) => dispatchMessage(handlers, { type, data }, sender);
  return { send, record };
}

async function saveDraft(): Promise<SnapshotDraft> {
  const draft = await buildDraft({
    container: document.querySelector('form')!,
    pageUrl: PAGE,
    trigger: { kind: 'fetch' },
    request: {
      method: 'PUT',
      url: 'https://dash.example.com/api/acme/settings/brain',
      bodyKind: 'json',
      // What a form-mirroring dashboard sends: the body is the save's truth, the form labels it.
      body: {
        model: 'claude',
        webhook: 'https://hooks.example.com/a',
        adminPassword: PASSWORD,
        apiKey: API_KEY,
      },
    },
  });
  return JSON.parse(JSON.stringify(draft)) as SnapshotDraft;
}

describe('createHandlers with drafts from the page', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    // Refusals are logged; the assertions check them.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeWatched([
      {
        id: 'd',
        pattern: 'https://dash.example.com/:workspace/settings*',
        extraLeftOut: ['webhook'],
        managed: false,
      },
    ]);
    mount(FORM, 'form');
  });

  it('gives the page its dashboard config without the salt or the left-out list', async () => {
    const { send } = setUp();
    expect(await send('content:config', {})).toEqual({
      ok: true,
      value: { watched: true, workspace: 'acme' },
    });
  });

  it('finishes a saved draft before recording it: no secret and no user-listed value reaches storage', async () => {
    const { send, record } = setUp();
    expect(await send('capture:saved', { draft: await saveDraft() })).toMatchObject({ ok: true });
    const [snapshot, workspace, source] = record.mock.calls[0] as unknown as [Snapshot, string, string];
    expect([workspace, source]).toEqual(['acme', 'auto']);
    const json = JSON.stringify(snapshot);
    for (const secret of [PASSWORD, API_KEY, 'hooks.example.com']) expect(json).not.toContain(secret);
    expect(snapshot.leftOut).toEqual(expect.arrayContaining(['adminPassword', 'webhook', 'apiKey']));
  });

  it("finishes a save with the worker's kept watched list and install, not a storage read of each", async () => {
    const watched = vi.fn(async () => [
      { id: 'd', pattern: 'https://dash.example.com/:workspace/*', extraLeftOut: [], managed: false },
    ]);
    const install = vi.fn(async () => ({ salt: 'kept-salt', deviceId: 'dev-1', deviceName: 'Kept device' }));
    // Storage no longer watches the page: only the kept list can let this save through.
    await writeWatched([]);
    const { send, record } = setUp(true, { watched, install });
    expect(await send('capture:saved', { draft: await saveDraft() })).toMatchObject({ ok: true });
    expect(record).toHaveBeenCalledOnce();
    expect(watched).toHaveBeenCalledOnce();
    expect(install).toHaveBeenCalledOnce();
    // The kept list has no `extraLeftOut`: the webhook, left out by the stored list before, is kept this time.
    expect(JSON.stringify(record.mock.calls[0]?.[0])).toContain('hooks.example.com');
  });

  it('refuses a draft the browser saw no accepted request for, and a draft that breaks the schema', async () => {
    expect(await setUp(false).send('capture:saved', { draft: await saveDraft() })).toMatchObject({
      ok: false,
    });
    const { send, record } = setUp();
    const oversized = { ...(await saveDraft()), typeHint: 'x'.repeat(1000) };
    expect(await send('capture:saved', { draft: oversized })).toMatchObject({ ok: false });
    expect(record).not.toHaveBeenCalled();
  });

  it('sees no drift for an unchanged secret, and drift once it changes', async () => {
    const { send } = setUp();
    await send('capture:saved', { draft: await saveDraft() });
    const shown = async () =>
      JSON.parse(
        JSON.stringify(
          await buildDraft({
            container: document.querySelector('form')!,
            pageUrl: PAGE,
            trigger: { kind: 'manual' },
          }),
        ),
      ) as SnapshotDraft;
    expect(await send('capture:drift', { drafts: [await shown()] })).toEqual({
      ok: true,
      value: { changed: 0 },
    });
    (document.querySelector('[name=adminPassword]') as HTMLInputElement).value = `${PASSWORD}-2`;
    expect(await send('capture:drift', { drafts: [await shown()] })).toEqual({
      ok: true,
      value: { changed: 1 },
    });
    expect((await readDrift()).acme?.sections).toEqual([
      expect.objectContaining({ type: 'brain', changed: 1 }),
    ]);
  });
});
