// SECURITY: a page script can make the background record a backup whose values the browser never sent.
// The ledger treats a report it cannot compare ("unverifiable") as genuine unless a second report contests it.
// A page script sends a real request the bridge does not see (from a same-origin about:blank iframe's fetch: the
// bridge is registered with allFrames: false, and the ledger keys requests by tab only, not by frame) with a body
// the browser reports as absent (no body) or as form data, then posts a forged bridge message for the same
// method+URL with any JSON body. Nothing contests it, so the forged JSON becomes the backup's fields.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/create-handlers';
import { createRequestLedger } from '../../../lib/background/create-request-ledger';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { SnapshotDraft } from '../../../lib/capture/snapshot-draft';
import type { Sender } from '../../../lib/messaging';
import { writeWatched } from '../../../lib/storage';

const PAGE = 'https://dash.example.com/acme/settings';
const SAVE = 'https://dash.example.com/api/acme/settings/webhook';

/** The dashboard serves no read at the save's address (HTTP 404): the read is made and says nothing either way. */
const noRead = async () => ({ ok: false, status: 404 });

function setUp() {
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
    readBack: noRead,
  } as unknown as Parameters<typeof createHandlers>[0]);
  const sender = { id: fakeBrowser.runtime.id, tab: { id: 7, url: PAGE }, frameId: 0, url: PAGE } as Sender;
  const send = (type: string, data: unknown) => dispatchMessage(handlers, { type, data }, sender);
  return { ledger, send, recorded };
}

/** What the page's forged `savepoint-bridge` message becomes once the capture agent builds its draft. */
const forgedDraft = (): SnapshotDraft => ({
  pageUrl: PAGE,
  trigger: { kind: 'fetch' },
  request: { method: 'POST', url: SAVE, bodyKind: 'json', body: { url: 'https://attacker.example/hook' } },
});

describe('SECURITY: a forged bridge report is recorded when the browser cannot show the body', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeWatched([
      { id: 'd', pattern: 'https://dash.example.com/:workspace/settings*', extraLeftOut: [], managed: false },
    ]);
  });

  it('refuses a JSON report for a request the browser sent with no body', async () => {
    const { ledger, send, recorded } = setUp();
    // fetch(SAVE, { method: 'POST' }) from an about:blank iframe (frame 3): webRequest gives no requestBody.
    ledger.sent('r1', 7, 'POST', SAVE, undefined, 3);
    ledger.saw(7, 'POST', SAVE, 200, 'r1', 3);
    const reply = await send('capture:saved', { draft: forgedDraft() });
    // Today: { ok: true, value: { id: 'b1', added: true } } and a backup whose webhook is the attacker's.
    expect(recorded.map((s) => s.fields.map((f) => f.value))).toEqual([]);
    expect(reply.ok).toBe(false);
  });

  it('refuses a JSON report for a request the browser sent as form data', async () => {
    const { ledger, send, recorded } = setUp();
    // The same request sent url-encoded with harmless values, even by the top frame: webRequest parses it as
    // formData, which a JSON report cannot be.
    ledger.sent('r2', 7, 'POST', SAVE, { formData: { url: ['https://hooks.example.com/real'] } }, 0);
    ledger.saw(7, 'POST', SAVE, 200, 'r2', 0);
    const reply = await send('capture:saved', { draft: forgedDraft() });
    expect(recorded.map((s) => s.fields.map((f) => f.value))).toEqual([]);
    expect(reply.ok).toBe(false);
  });

  it("still takes a top-frame request whose body the browser did not show (a Blob, a service worker's page)", async () => {
    const { ledger, send, recorded } = setUp();
    ledger.sent('r3', 7, 'POST', SAVE, undefined, 0);
    ledger.saw(7, 'POST', SAVE, 200, 'r3', 0);
    const reply = await send('capture:saved', { draft: forgedDraft() });
    expect(reply.ok).toBe(true);
    expect(recorded).toHaveLength(1);
  });
});
