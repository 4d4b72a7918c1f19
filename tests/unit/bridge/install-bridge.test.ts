import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_INSTALLED, installBridge } from '../../../lib/page/bridge/install-bridge';
import {
  MAX_KEPT_SAVES,
  REPLAY_REQUEST,
  REPLAY_WINDOW,
  type BridgeMessage,
} from '../../../lib/page/bridge/bridge-protocol';
import { FakeXhr } from './fake-xhr';
import { PAGE_ORIGIN, fakeWindow, settle } from './fake-page';

function setup() {
  class Xhr extends FakeXhr {}
  const fetch = vi.fn(() => Promise.resolve(new Response('{}', { status: 200 })));
  const win = fakeWindow({ fetch, XMLHttpRequest: Xhr });
  return { win, fetch, Xhr, postMessage: vi.mocked(win.postMessage) };
}

describe('installBridge', () => {
  it("posts one 'saved' message to the page's own origin per accepted same-site save", async () => {
    const { win, postMessage, Xhr } = setup();
    expect(installBridge(win)).toBe(true);
    await win.fetch('/api/settings', { method: 'PUT', body: '{"a":1}' });
    const xhr = new Xhr();
    xhr.open('POST', 'https://api.example.com/v1/prefs');
    xhr.send('b=2');
    await settle();
    expect(postMessage.mock.calls).toEqual([
      [
        expect.objectContaining({ via: 'fetch', method: 'PUT', url: `${PAGE_ORIGIN}/api/settings` }),
        PAGE_ORIGIN,
      ],
      [
        expect.objectContaining({ via: 'xhr', method: 'POST', url: 'https://api.example.com/v1/prefs' }),
        PAGE_ORIGIN,
      ],
    ]);
  });

  it('stays silent for reads, analytics and third-party requests', async () => {
    const { win, postMessage } = setup();
    installBridge(win);
    await win.fetch('/api/settings');
    await win.fetch('/api/analytics', { method: 'POST', body: '{}' });
    await win.fetch('https://tracker.other.com/save', { method: 'POST', body: '{}' });
    await settle();
    expect(postMessage).not.toHaveBeenCalled();
  });

  it('installs once: a second copy of the script neither wraps again nor reports twice', async () => {
    const { win, fetch, postMessage } = setup();
    installBridge(win);
    const wrapped = win.fetch;
    expect(installBridge(win)).toBe(false);
    expect(win.fetch).toBe(wrapped);
    await win.fetch('/api/settings', { method: 'POST', body: '{}' });
    await settle();
    expect(fetch).toHaveBeenCalledOnce();
    expect(postMessage).toHaveBeenCalledOnce();
  });

  it("reports a save only after the page's own code has handled the answer", async () => {
    const { win, postMessage } = setup();
    const order: string[] = [];
    postMessage.mockImplementation(() => order.push('reported'));
    installBridge(win);
    const response = await win.fetch('/api/settings', { method: 'PUT', body: '{"a":1}' });
    order.push('page got the answer');
    await response.json();
    order.push('page read the body');
    await settle();
    expect(order).toEqual(['page got the answer', 'page read the body', 'reported']);
  });

  it('marks the window with a hidden, non-enumerable symbol', () => {
    const { win } = setup();
    installBridge(win);
    expect(Object.keys(win)).not.toContain(String(BRIDGE_INSTALLED));
    expect(Object.getOwnPropertyDescriptor(win, BRIDGE_INSTALLED)?.enumerable).toBe(false);
  });
});

describe('installBridge: saves made before the capture agent listens', () => {
  /** The bridge's `message` listener, called as the agent's request (from this window, or another). */
  function askAsAgent(win: Window & typeof globalThis, source: unknown = win) {
    const call = vi.mocked(win.addEventListener).mock.calls.find(([type]) => type === 'message');
    const listener = call?.[1] as (event: Partial<MessageEvent>) => void;
    listener({ source: source as Window, data: REPLAY_REQUEST });
  }

  it('posts a save again when the agent asks, once: a second request replays nothing', async () => {
    const { win, postMessage } = setup();
    installBridge(win);
    await win.fetch('/api/settings', { method: 'PUT', body: '{"theme":"dark"}' });
    await settle();
    expect(postMessage).toHaveBeenCalledOnce();
    askAsAgent(win);
    expect(postMessage).toHaveBeenCalledTimes(2);
    expect(postMessage.mock.calls[1]).toEqual(postMessage.mock.calls[0]);
    // Its listener leaves: the page's later messages cost the bridge nothing.
    expect(vi.mocked(win.removeEventListener).mock.calls.map(([type]) => type)).toEqual(['message']);
    askAsAgent(win);
    await win.fetch('/api/settings', { method: 'PUT', body: '{"theme":"light"}' });
    await settle();
    // The later save is posted as it happens, and only then.
    expect(postMessage).toHaveBeenCalledTimes(3);
  });

  it(`keeps only the newest ${MAX_KEPT_SAVES} saves, and none older than the replay window`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { win, postMessage } = setup();
      installBridge(win);
      await win.fetch('/api/settings', { method: 'PUT', body: '{"old":true}' });
      vi.setSystemTime(Date.now() + REPLAY_WINDOW + 1);
      for (let i = 0; i < MAX_KEPT_SAVES + 2; i += 1) {
        await win.fetch('/api/settings', { method: 'PUT', body: JSON.stringify({ i }) });
      }
      await vi.waitFor(() => expect(postMessage).toHaveBeenCalledTimes(MAX_KEPT_SAVES + 3));
      postMessage.mockClear();
      askAsAgent(win);
      const replayed = postMessage.mock.calls.map(([message]) => (message as BridgeMessage).body.value);
      expect(replayed).toEqual(Array.from({ length: MAX_KEPT_SAVES }, (_, i) => ({ i: i + 2 })));
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a request from another window', async () => {
    const { win, postMessage } = setup();
    installBridge(win);
    await win.fetch('/api/settings', { method: 'PUT', body: '{}' });
    await settle();
    askAsAgent(win, {});
    expect(postMessage).toHaveBeenCalledOnce();
  });
});
