import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/create-handlers';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import type { Sender } from '../../../lib/messaging';
import { writeDrift } from '../../../lib/storage';

/** The popup's "sync:pull" of acme, with a pull that brings `added` backups; whether the open tabs were looked at. */
async function popupPull(added: number): Promise<boolean> {
  const query = vi.spyOn(fakeBrowser.tabs, 'query');
  const handlers = createHandlers({
    journal: {},
    drift: { measure: vi.fn(), clearSection: vi.fn() },
    sync: { pull: async () => added },
    onChange: () => undefined,
  } as unknown as Parameters<typeof createHandlers>[0]);
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') } as Sender;
  expect(await dispatchMessage(handlers, { type: 'sync:pull', data: { workspace: 'acme' } }, popup)).toEqual({
    ok: true,
    value: { added },
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  return query.mock.calls.length > 0;
}

describe("the popup's pull and the drift notice", () => {
  beforeEach(() => fakeBrowser.reset());

  it('compares the open dashboard tab again when the pull brought backups', async () => {
    expect(await popupPull(2)).toBe(true);
  });

  it('compares it again when the page reads as changed, though the background pulled the backups first', async () => {
    await writeDrift('acme', {
      changed: 1,
      since: 1,
      sections: [{ type: 'bot-names', title: 'Bot names', changed: 1, backupId: 'b1' }],
      checkedAt: 1,
    });
    expect(await popupPull(0)).toBe(true);
  });

  it('leaves the tabs alone when nothing came and nothing reads as changed', async () => {
    expect(await popupPull(0)).toBe(false);
  });
});
