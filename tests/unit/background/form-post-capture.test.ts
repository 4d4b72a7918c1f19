// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type FormPosts } from '../../../lib/background/create-handlers';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import { createFormPostTracker } from '../../../lib/background/form-post-tracker';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { SnapshotDraft } from '../../../lib/capture/snapshot-draft';
import type { Sender } from '../../../lib/messaging';
import type { WebRequestBody } from '../../../lib/page/bridge/sent-body';
import { buildDraft } from '../../../lib/page/dom/build-draft';
import { writeWatched } from '../../../lib/storage';
import { mount } from '../capture/demo-dashboard';

const ORIGIN = 'https://dash.example.com';
const PAGE = `${ORIGIN}/acme/settings`;
const ACTION = `${ORIGIN}/acme/settings/alerts`;
const FORM = `<form id="alerts" action="${ACTION}" method="post"><h2>Alerts</h2>
  <label>Alert email <input name="alertEmail" value="ops@corp.example"></label>
  <label>Webhook secret <input type="password" name="secret" value="hunter2"></label>
  <button id="save">Save</button></form>`;

/** Submits the form's draft through the background and answers its post with `body`; the values recorded. */
async function postWith(body: WebRequestBody): Promise<unknown[]> {
  const recorded: Snapshot[] = [];
  const forms: FormPosts = createFormPostTracker(({ snapshot }) => recorded.push(snapshot));
  const handlers = createHandlers({
    capture: { record: vi.fn() },
    forms,
    ledger: { claim: async () => false },
    onChange: () => undefined,
  } as unknown as Parameters<typeof createHandlers>[0]);
  const sender = { id: fakeBrowser.runtime.id, tab: { id: 7, url: PAGE }, frameId: 0, url: PAGE } as Sender;
  const form = mount(FORM, 'form');
  const draft = JSON.parse(
    JSON.stringify(await buildDraft({ pageUrl: PAGE, trigger: { kind: 'form' }, container: form })),
  ) as SnapshotDraft;
  forms.posted('r1', 7, ACTION, body);
  const reply = await dispatchMessage(
    handlers,
    { type: 'capture:form-submitted', data: { draft, action: ACTION, method: 'POST' } },
    sender,
  );
  expect(reply).toMatchObject({ ok: true });
  forms.answered(7, ACTION, 303, 'r1');
  // The values are held against the body (a digest for the secret) before the post counts.
  await vi.waitFor(() => expect(recorded).not.toEqual([]), { timeout: 500 }).catch(() => undefined);
  return recorded.flatMap((s) => s.fields.map((f) => f.value));
}

describe('a classic form post is captured with the values the browser posted', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeWatched([
      { id: 'd', pattern: 'https://dash.example.com/:workspace/settings*', extraLeftOut: [], managed: false },
    ]);
  });

  it('records a post that carried the form’s values, its secret included', async () => {
    const values = await postWith({ formData: { alertEmail: ['ops@corp.example'], secret: ['hunter2'] } });
    expect(values).toContain('ops@corp.example');
    expect(JSON.stringify(values)).not.toContain('hunter2');
  });

  it('records nothing when the posted secret is another than the page showed', async () => {
    expect(await postWith({ formData: { alertEmail: ['ops@corp.example'], secret: ['other'] } })).toEqual([]);
  });
});
