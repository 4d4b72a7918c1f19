// @vitest-environment happy-dom
// SECURITY: the classic form-post path records the values the page's DOM showed at a `submit` event, paired with
// any POST navigation of the tab to the same URL that got a 2xx/3xx. Neither the event nor the body is checked:
// the capture agent accepts an untrusted (script-dispatched) submit event, and the background never compares the
// draft with what the browser posted (webRequest's main_frame requestBody is not read). A page script can fill a
// form with any values, dispatch a synthetic `submit`, then post anything (even an empty form) to the same action:
// the backup holds values that were never saved.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type FormPosts } from '../../../lib/background/create-handlers';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import { createFormPostTracker } from '../../../lib/background/form-post-tracker';
import type { Snapshot } from '../../../lib/capture/snapshot';
import type { SnapshotDraft } from '../../../lib/capture/snapshot-draft';
import type { Sender } from '../../../lib/messaging';
import { createCaptureAgent } from '../../../lib/page/capture-agent/create-capture-agent';
import { buildDraft } from '../../../lib/page/dom/build-draft';
import { writeWatched } from '../../../lib/storage';
import { mount } from '../capture/demo-dashboard';

const ORIGIN = 'https://dash.example.com';
const PAGE = `${ORIGIN}/acme/settings`;
const ACTION = `${ORIGIN}/acme/settings/alerts`;
const FORGED = `<form id="alerts" action="${ACTION}" method="post"><h2>Alerts</h2>
  <label>Alert email <input name="alertEmail" value="attacker@evil.example"></label>
  <button id="save">Save</button></form>`;

describe('SECURITY: a page forges a classic form-post capture', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeWatched([
      { id: 'd', pattern: 'https://dash.example.com/:workspace/settings*', extraLeftOut: [], managed: false },
    ]);
  });

  it('the capture agent ignores a submit event the page dispatched itself (isTrusted false)', async () => {
    const form = mount(FORGED, 'form');
    const posted: unknown[] = [];
    const win = {
      location: { href: PAGE, origin: ORIGIN },
      document,
      postMessage: vi.fn(),
    } as unknown as Window;
    createCaptureAgent({
      win,
      config: { watched: true, workspace: 'acme' },
      listen: (type, handler, options) => window.addEventListener(type, handler as EventListener, options),
      saved: () => undefined,
      formSubmitted: (draft, action) => posted.push({ draft, action }),
    }).start();
    // Page script: no user, no real submission.
    // (In Chromium `isTrusted` is false for this event; happy-dom leaves it undefined.)
    const synthetic = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(synthetic);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Today the agent reports the forged values to the background as a native form post.
    expect(posted).toEqual([]);
  });

  it('the background does not record a form draft whose values the POST did not carry', async () => {
    const recorded: Snapshot[] = [];
    const record = vi.fn(async (snapshot: Snapshot, ..._rest: unknown[]) => {
      recorded.push(snapshot);
      return { record: { id: 'b1' }, added: true };
    });
    const forms: FormPosts = createFormPostTracker(({ snapshot, workspace }, tabId) => {
      void record(snapshot, workspace, 'auto', { tabId });
    });
    const handlers = createHandlers({
      capture: { record },
      forms,
      ledger: { claim: async () => false },
      onChange: () => undefined,
    } as unknown as Parameters<typeof createHandlers>[0]);
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 7, url: PAGE }, frameId: 0, url: PAGE } as Sender;
    const form = mount(FORGED, 'form');
    const draft = JSON.parse(
      JSON.stringify(await buildDraft({ pageUrl: PAGE, trigger: { kind: 'form' }, container: form })),
    ) as SnapshotDraft;
    const reply = await dispatchMessage(
      handlers,
      { type: 'capture:form-submitted', data: { draft, action: ACTION, method: 'POST' } },
      sender,
    );
    expect(reply.ok).toBe(true);
    // webRequest: the tab's POST navigation to ACTION (whatever body it carried, e.g. alertEmail=ops@corp) got a
    // 303. The tracker pairs by tab and URL only.
    forms.posted('r1', 7, ACTION, { formData: { alertEmail: ['ops@corp.example'] } });
    forms.answered(7, ACTION, 303, 'r1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(recorded.flatMap((s) => s.fields.map((f) => f.value))).not.toContain('attacker@evil.example');
  });
});
