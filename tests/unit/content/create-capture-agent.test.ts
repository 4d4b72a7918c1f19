// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { finishSnapshot } from '../../../lib/capture/finish-snapshot';
import type { SnapshotDraft } from '../../../lib/capture/snapshot-draft';
import { REPLAY_REQUEST } from '../../../lib/page/bridge/bridge-protocol';
import { createCaptureAgent } from '../../../lib/page/capture-agent/create-capture-agent';
import { mount } from '../capture/demo-dashboard';
import { overTheWire } from '../support/capture-path';

const PAGE = 'https://dash.example.com/acme/settings';
const ORIGIN = 'https://dash.example.com';
const PASSWORD = 'Pw-correct-horse-battery';
const API_KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz012345';
const SECTION = `<form id="brain" action="${ORIGIN}/acme/settings/brain" method="post"><h2>Brain</h2>
  <label>Model <input name="model" value="claude"></label>
  <label>Password <input type="password" name="adminPassword" value="${PASSWORD}"></label>
  <label>API key <input name="apiKey" value="${API_KEY}"></label>
  <button id="save">Save</button></form>`;

/** The agent on a fake page whose listeners the test calls directly; returns what it sent. */
function agentOnPage() {
  const win = {
    location: { href: PAGE, origin: ORIGIN },
    document,
    postMessage: vi.fn(),
  } as unknown as Window;
  const listeners = new Map<string, (event: Event) => void>();
  const sent: { saved: SnapshotDraft[]; posted: { draft: SnapshotDraft; action: string; method: string }[] } =
    {
      saved: [],
      posted: [],
    };
  createCaptureAgent({
    win,
    config: { watched: true, workspace: 'acme' },
    listen: (type, handler) => listeners.set(type, handler as (event: Event) => void),
    saved: (draft) => sent.saved.push(draft),
    formSubmitted: (draft, action, method) => sent.posted.push({ draft, action, method }),
  }).start();
  const fire = (type: string, event: object) => listeners.get(type)?.(event as Event);
  const bridgeSave = (body: unknown) =>
    fire('message', {
      source: win,
      origin: ORIGIN,
      data: {
        source: 'savepoint-bridge',
        v: 1,
        kind: 'saved',
        via: 'fetch',
        method: 'PUT',
        url: `${ORIGIN}/api/acme/settings/brain`,
        status: 200,
        body: { kind: 'json', value: body },
        at: 1,
      },
    });
  return { sent, fire, bridgeSave, win };
}

/** Waits until the agent has sent something (it reads the page and digests secrets asynchronously). */
const sentSome = (list: unknown[]) =>
  vi.waitFor(() => expect(list.length).toBeGreaterThan(0), { timeout: 5_000, interval: 5 });

describe('createCaptureAgent', () => {
  it('asks the bridge for the saves the page made before it listened, once it listens', () => {
    const { win } = agentOnPage();
    expect(vi.mocked(win.postMessage).mock.calls).toEqual([[REPLAY_REQUEST, ORIGIN]]);
  });

  it('sends a draft of the clicked section: the password digested, every other rule left to the background', async () => {
    const form = mount(SECTION, 'form');
    const page = agentOnPage();
    page.fire('click', { target: form.querySelector('#save') });
    page.bridgeSave({ model: 'claude', apiKey: API_KEY });
    await sentSome(page.sent.saved);
    const [draft] = page.sent.saved;
    expect(draft?.section?.type).toBe('brain');
    expect(draft?.request).toMatchObject({ method: 'PUT', bodyKind: 'json' });
    expect(JSON.stringify(draft)).not.toContain(PASSWORD);
    expect(draft?.section?.fields.find((f) => f.key === 'adminPassword')).toMatchObject({ digested: true });

    const snapshot = await finishSnapshot(overTheWire(draft!), { salt: 'salt' });
    const stored = JSON.stringify(snapshot);
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(API_KEY);
    expect(snapshot.leftOut).toEqual(expect.arrayContaining(['adminPassword', 'apiKey']));
    expect(snapshot.fields.find((f) => f.key === 'model')?.value).toBe('claude');
  });

  it('attributes a save to a tray the page removed before its request went out (Node-RED closes, then saves)', async () => {
    const tray = mount(
      `<div class="red-ui-tray"><div class="red-ui-tray-titlebar">User Settings</div>
        <label for="user-settings-view-grid-size">Grid size</label><input id="user-settings-view-grid-size" value="40">
        <button id="node-dialog-ok">Close</button></div>`,
      '.red-ui-tray',
    );
    const page = agentOnPage();
    page.fire('click', { target: tray.querySelector('#node-dialog-ok') });
    tray.remove();
    page.bridgeSave({ editor: { view: { 'view-grid-size': '40' } } });
    await sentSome(page.sent.saved);
    const [draft] = page.sent.saved;
    expect(draft?.section?.title).toBe('User Settings');
    const snapshot = await finishSnapshot(overTheWire(draft!), { salt: 'salt' });
    expect(snapshot.title).toBe('User Settings');
    expect(snapshot.fields).toEqual([
      expect.objectContaining({ key: 'editor.view.view-grid-size', label: 'Grid size', value: '40' }),
    ]);
  });

  it('sends a draft without a section when no control was used, so the background reads the body', async () => {
    mount(SECTION, 'form');
    const page = agentOnPage();
    page.bridgeSave({ settings: { model: 'claude', apiKey: API_KEY } });
    await sentSome(page.sent.saved);
    const [draft] = page.sent.saved;
    expect(draft?.section).toBeUndefined();
    const snapshot = await finishSnapshot(overTheWire(draft!), { salt: 'salt' });
    // Keyed by their place in the body (issue 12: nested values are fields with path keys).
    expect(snapshot.fields.map((f) => [f.key, f.value])).toEqual([
      ['settings.model', 'claude'],
      ['settings.apiKey', null],
    ]);
    expect(JSON.stringify(snapshot)).not.toContain(API_KEY);
  });

  it('sends a native form post as a draft with the password digested', async () => {
    const form = mount(SECTION, 'form');
    const page = agentOnPage();
    page.fire('submit', { target: form, submitter: null, defaultPrevented: false, isTrusted: true });
    await sentSome(page.sent.posted);
    const [post] = page.sent.posted;
    expect(post).toMatchObject({ action: `${ORIGIN}/acme/settings/brain`, method: 'POST' });
    expect(JSON.stringify(post?.draft)).not.toContain(PASSWORD);
    expect(post?.draft.request).toBeUndefined();
  });
});
