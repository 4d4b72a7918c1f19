import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_INSTALLED, installBridge } from '../../../lib/page/bridge/install-bridge';
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

  it('marks the window with a hidden, non-enumerable symbol', () => {
    const { win } = setup();
    installBridge(win);
    expect(Object.keys(win)).not.toContain(String(BRIDGE_INSTALLED));
    expect(Object.getOwnPropertyDescriptor(win, BRIDGE_INSTALLED)?.enumerable).toBe(false);
  });
});
