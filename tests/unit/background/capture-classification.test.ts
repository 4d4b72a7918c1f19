import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/create-handlers';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import type { SnapshotDraft } from '../../../lib/capture/snapshot-draft';
import type { Sender } from '../../../lib/messaging';
import { writeWatched } from '../../../lib/storage';
import { rawField } from '../support/snapshot-fixture';

const PAGE = 'https://dash.example.com/acme/settings';
const API = 'https://dash.example.com/api/workspaces/acme';

function setUp() {
  const record = vi.fn(async () => ({ record: { id: 'b1' }, added: true }));
  const claim = vi.fn(async () => true);
  const handlers = createHandlers({
    capture: { record },
    ledger: { claim },
    forms: { submitted: vi.fn() },
    onChange: () => undefined,
  } as unknown as Parameters<typeof createHandlers>[0]);
  const sender = { id: fakeBrowser.runtime.id, tab: { id: 7, url: PAGE }, frameId: 0, url: PAGE } as Sender;
  const send = (type: string, data: unknown) => dispatchMessage(handlers, { type, data }, sender);
  return { send, record, claim };
}

const field = rawField;

/** A fetch write's draft: `label` is the clicked button's, `fields` the section's (none: no user interaction). */
function draft(url: string, body: unknown, label?: string, fields?: [string, string][]): SnapshotDraft {
  return {
    pageUrl: PAGE,
    trigger: { kind: 'fetch', ...(label ? { submitter: { inputType: 'button', label } } : {}) },
    request: { method: 'POST', url, bodyKind: 'json', body },
    ...(fields
      ? { section: { type: 'webhook', title: 'Webhook', fields: fields.map(([k, v]) => field(k, v)) } }
      : {}),
  };
}

describe('capture:saved drops writes that are not saves', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await writeWatched([
      { id: 'd', pattern: 'https://dash.example.com/:workspace/settings*', extraLeftOut: [], managed: false },
    ]);
  });

  it('drops a "Test connection" write to a test endpoint, before asking the ledger', async () => {
    const { send, record, claim } = setUp();
    const reply = await send('capture:saved', {
      draft: draft(`${API}/bots/bot-42/test-webhook`, { url: 'https://h' }, 'Test connection', [
        ['url', 'https://h'],
      ]),
    });
    expect(reply).toEqual({ ok: true, value: { dropped: 'endpoint' } });
    expect(record).not.toHaveBeenCalled();
    expect(claim).not.toHaveBeenCalled();
  });

  it('drops a write whose body has nothing to do with the section it was attributed to', async () => {
    const { send, record } = setUp();
    const reply = await send('capture:saved', {
      draft: draft(`${API}/notes`, { text: 'hello', color: 'yellow' }, 'Add', [
        ['url', 'https://h'],
        ['events', 'push'],
      ]),
    });
    expect(reply).toEqual({ ok: true, value: { dropped: 'unrelated-body' } });
    expect(record).not.toHaveBeenCalled();
  });

  it('drops a write repeated on a timer with no user interaction, after the first', async () => {
    const { send, record } = setUp();
    const poll = () =>
      send('capture:saved', { draft: draft(`${API}/settings/state`, { since: Date.now() }) });
    expect(await poll()).toMatchObject({ ok: true, value: { id: 'b1' } });
    expect(await poll()).toEqual({ ok: true, value: { dropped: 'polling' } });
    expect(record).toHaveBeenCalledTimes(1);
  });

  it('still records a real save', async () => {
    const { send, record } = setUp();
    const reply = await send('capture:saved', {
      draft: draft(`${API}/settings/webhook`, { url: 'https://h', events: 'push' }, 'Save', [
        ['url', 'https://h'],
        ['events', 'push'],
      ]),
    });
    expect(reply).toMatchObject({ ok: true, value: { id: 'b1' } });
    expect(record).toHaveBeenCalledTimes(1);
  });
});
