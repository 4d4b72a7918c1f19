import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../../lib/background/create-handlers';
import { SHOWS_FORM_WAIT, staleTabs } from '../../../lib/background/stale-tabs';
import type { Sender } from '../../../lib/messaging';
import type { WatchedDashboard } from '../../../lib/storage';

const ACME: WatchedDashboard = {
  id: 'a',
  pattern: 'https://dash.example.com/:workspace/settings*',
  extraLeftOut: [],
  managed: false,
};

describe('the tabs that still show a section from before its restore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are the tabs of the restored workspace’s dashboard, but the one whose form the restore saved', async () => {
    const filled = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings' });
    const other = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings?tab=2' });
    await fakeBrowser.tabs.create({ url: 'https://dash.example.com/globex/settings' });
    await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    expect((await staleTabs([ACME], 'acme', filled.id)).map((tab) => tab.tabId)).toEqual([other.id]);
    // Restored by request, the tab the restore ran in holds the old values too (an editor's memory).
    expect((await staleTabs([ACME], 'acme')).map((tab) => tab.tabId)).toEqual([filled.id, other.id]);
  });

  it('of a form the page posts (a wiki), are only those that show the form: a page of the wiki holds no settings', async () => {
    const filled = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings' });
    const form = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings?tab=2' });
    const reading = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings/help' });
    // A tab whose page cannot say (it is still loading, its script not there yet) is named, to be safe.
    const unknown = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings?tab=3' });
    const showsForm = async (tabId: number) => {
      if (tabId === unknown.id) throw new Error('No answer from the page');
      return tabId !== reading.id;
    };
    expect((await staleTabs([ACME], 'acme', filled.id, showsForm)).map((tab) => tab.tabId)).toEqual([
      form.id,
      unknown.id,
    ]);
  });

  it('of a posted form, name a tab that does not answer in time (a page on an alert): the report does not wait for it', async () => {
    vi.useFakeTimers();
    try {
      const filled = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings' });
      const stuck = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings?tab=2' });
      const named = staleTabs([ACME], 'acme', filled.id, () => new Promise<boolean>(() => undefined));
      await vi.advanceTimersByTimeAsync(SHOWS_FORM_WAIT);
      expect((await named).map((tab) => tab.tabId)).toEqual([stuck.id]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('are reloaded when the popup asks, if they show a watched dashboard, and no other tab', async () => {
    const dashboard = await fakeBrowser.tabs.create({ url: 'https://dash.example.com/acme/settings' });
    const elsewhere = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    const reload = vi.fn(async () => undefined);
    fakeBrowser.tabs.reload = reload as unknown as typeof fakeBrowser.tabs.reload;
    const handlers = createHandlers({
      reads: { watched: async () => [ACME], install: async () => ({}) },
    } as unknown as Parameters<typeof createHandlers>[0]);
    await handlers['restore:reload-tabs']({ tabIds: [dashboard.id!, elsewhere.id!] }, {} as Sender);
    expect(reload.mock.calls).toEqual([[dashboard.id]]);
  });
});
