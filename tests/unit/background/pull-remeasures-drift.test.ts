import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/create-handlers';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import type { Sender } from '../../../lib/messaging';
import { writeDrift } from '../../../lib/storage';

/** The popup's "sync:pull" of acme, with a pull that brings `added` backups; the spy on looking at the open tabs. */
async function popupPull(added: number) {
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
  return query;
}

/** Waits for the open tabs to be looked at (the handler does it after it answers). */
const lookedAtTabs = (query: Awaited<ReturnType<typeof popupPull>>) =>
  vi.waitFor(() => expect(query).toHaveBeenCalled());

describe("the popup's pull and the drift notice", () => {
  beforeEach(() => fakeBrowser.reset());

  it('compares the open dashboard tab again when the pull brought backups', async () => {
    await lookedAtTabs(await popupPull(2));
  });

  it('compares it again when the page reads as changed, though the background pulled the backups first', async () => {
    await writeDrift('acme', {
      changed: 1,
      since: 1,
      sections: [{ type: 'bot-names', title: 'Bot names', changed: 1, backupId: 'b1' }],
      checkedAt: 1,
    });
    await lookedAtTabs(await popupPull(0));
  });

  it('leaves the tabs alone when nothing came and nothing reads as changed', async () => {
    const query = await popupPull(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(query).not.toHaveBeenCalled();
  });
});
