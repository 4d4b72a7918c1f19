import { describe, expect, it, vi } from 'vitest';
import type { BridgeMessage } from '../../../lib/page/bridge/bridge-protocol';
import { wrapFetch } from '../../../lib/page/bridge/wrap-fetch';
import { fakeWindow, settle } from './fake-page';

const URL_ = 'https://app.example.com/api/settings';

describe('wrapFetch and pings', () => {
  it('reports a save but not a keepalive ping, which outlives the page and saves nothing', async () => {
    const win = fakeWindow({ fetch: () => Promise.resolve(new Response(null, { status: 200 })) });
    const report = vi.fn<(message: BridgeMessage) => void>();
    wrapFetch(win, report, () => true);
    await win.fetch(URL_, { method: 'POST', body: '{"a":1}', keepalive: true });
    const request = new win.Request(URL_, { method: 'POST', body: '{"a":1}' });
    // happy-dom's Request has no `keepalive`; Chromium's says what the page asked for.
    Object.defineProperty(request, 'keepalive', { value: true });
    await win.fetch(request);
    await settle();
    expect(report).not.toHaveBeenCalled();
    await win.fetch(URL_, { method: 'POST', body: '{"a":1}' });
    await settle();
    expect(report).toHaveBeenCalledTimes(1);
  });
});
