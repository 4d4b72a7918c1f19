// SECURITY: a page script keeps the bridge from reporting a real top-frame save whose body the browser does not
// show (a keepalive fetch, which the bridge never reports; or a getter on `init` that answers the bridge otherwise
// than the browser), then posts a forged report of it with any values. No second report contests it, so the ledger
// took the forged values as the save's (e2e: capture-trust.spec.ts, keepalive). The dashboard's own read of the
// address, made from the extension's isolated world, now has the last word on such a body.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/create-handlers';
import { createRequestLedger } from '../../../lib/background/create-request-ledger';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { SnapshotDraft } from '../../../lib/capture/snapshot-draft';
import type { Sender } from '../../../lib/messaging';
import type { PageResponse } from '../../../lib/page/restore-agent/page-requests';
import { writeWatched } from '../../../lib/storage';

const PAGE = 'https://dash.example.com/acme/settings';
const SAVE = 'https://dash.example.com/api/acme/settings/bot-names';

function setUp(server: PageResponse) {
  const ledger = createRequestLedger();
  const recorded: Snapshot[] = [];
  const record = vi.fn(async (snapshot: Snapshot) => {
    recorded.push(snapshot);
    return { record: { id: 'b1' }, added: true };
  });
  const handlers = createHandlers({
    capture: { record },
    ledger,
    forms: { submitted: vi.fn() },
    onChange: () => undefined,
    readBack: async () => server,
  } as unknown as Parameters<typeof createHandlers>[0]);
  const sender = { id: fakeBrowser.runtime.id, tab: { id: 7, url: PAGE }, frameId: 0, url: PAGE } as Sender;
  const send = (data: unknown) => dispatchMessage(handlers, { type: 'capture:saved', data }, sender);
  // The page's keepalive fetch (a Blob body): the browser shows no body, the bridge says nothing.
  ledger.sent('r1', 7, 'PUT', SAVE, undefined, 0);
  ledger.saw(7, 'PUT', SAVE, 200, 'r1', 0);
  return { send, recorded };
}

const draft = (body: Record<string, string>): SnapshotDraft => ({
  pageUrl: PAGE,
  trigger: { kind: 'fetch' },
  request: { method: 'PUT', url: SAVE, bodyKind: 'json', body },
});

describe('SECURITY: a forged report of a save the bridge was kept from reporting', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeWatched([
      { id: 'd', pattern: 'https://dash.example.com/:workspace/settings*', extraLeftOut: [], managed: false },
    ]);
  });

  it('is refused when the dashboard shows other values at that address', async () => {
    const { send, recorded } = setUp({
      ok: true,
      status: 200,
      body: { primaryName: 'Ada', fallbackName: 'Bo' },
    });
    const reply = await send({ draft: draft({ primaryName: 'Forged', fallbackName: 'Forged' }) });
    expect(reply.ok).toBe(false);
    expect(recorded).toEqual([]);
  });

  it('is refused when it adds a value the dashboard does not have', async () => {
    const { send, recorded } = setUp({
      ok: true,
      status: 200,
      body: { primaryName: 'Ada', fallbackName: 'Bo' },
    });
    await send({
      draft: draft({ primaryName: 'Ada', fallbackName: 'Bo', webhookUrl: 'https://evil.example' }),
    });
    expect(recorded).toEqual([]);
  });

  it('is taken when the dashboard shows the values it reports (a real Blob save)', async () => {
    const { send, recorded } = setUp({
      ok: true,
      status: 200,
      body: { primaryName: 'Ada', fallbackName: 'Bo', greetingStyle: 'formal' },
    });
    const reply = await send({ draft: draft({ primaryName: 'Ada', fallbackName: 'Bo' }) });
    expect(reply.ok).toBe(true);
    expect(recorded).toHaveLength(1);
  });
});
