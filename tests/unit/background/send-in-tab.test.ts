import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendInTab } from '../../../lib/background/apply-in-tab';

const save = { method: 'PUT', url: '/flows/settings', bodyKind: 'json' as const, body: '{}', tokenKeys: [] };

afterEach(() => vi.restoreAllMocks());

describe("sending a restore's save from the dashboard's tab", () => {
  it('the tab closed or reloaded while the save was on its way: no answer, not an error the popup shows raw', async () => {
    // The agent is injected, then the page goes while it sends: Chromium rejects the call.
    vi.spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValueOnce([])
      .mockRejectedValueOnce(new Error('Frame with ID 0 was removed.'));
    await expect(sendInTab(7, save as never)).resolves.toEqual({ ok: false, status: 0 });
  });
});
