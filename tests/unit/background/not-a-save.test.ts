import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/create-handlers';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import type { Sender } from '../../../lib/messaging';
import { readWatched, watchedItem, writeWatched } from '../../../lib/storage';

const PAGE = 'https://dash.example.com/acme/settings';
const RECOUNT = 'https://dash.example.com/api/workspaces/acme/bots/bot-42/recount';
const RULE = 'POST /api/workspaces/:workspace/bots/:id/recount';

function setUp(outbox: 'pending' | 'synced' = 'synced') {
  const remove = vi.fn(async () => undefined);
  const record = vi.fn(async () => ({ record: { id: 'b2' }, added: true }));
  const handlers = createHandlers({
    journal: {
      get: async (id: string) =>
        id === 'b1' ? { id, workspace: 'acme', type: 'bots', contentHash: 'h', outbox } : undefined,
      snapshotOf: async () => ({
        type: 'bots',
        title: 'Bots',
        pageUrl: PAGE,
        fields: [],
        request: { method: 'POST', url: RECOUNT, bodyKind: 'none' },
        trigger: { kind: 'fetch' },
        leftOut: [],
      }),
      remove,
    },
    capture: { record },
    ledger: { claim: async () => true },
    onChange: () => undefined,
  } as unknown as Parameters<typeof createHandlers>[0]);
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') } as Sender;
  const content = { id: fakeBrowser.runtime.id, tab: { id: 7, url: PAGE }, frameId: 0, url: PAGE } as Sender;
  return {
    remove,
    record,
    fromPopup: (type: string, data: unknown) => dispatchMessage(handlers, { type, data }, popup),
    fromPage: (type: string, data: unknown) => dispatchMessage(handlers, { type, data }, content),
  };
}

describe('"Not a settings save"', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await writeWatched([
      { id: 'd', pattern: 'https://dash.example.com/:workspace/settings*', extraLeftOut: [], managed: false },
    ]);
  });

  it('removes the backup here, adds an ignore rule to its dashboard, and drops the next identical write', async () => {
    const { fromPopup, fromPage, remove, record } = setUp();
    expect(await fromPopup('backup:not-a-save', { id: 'b1' })).toEqual({
      ok: true,
      value: { rule: RULE, dashboardId: 'd', managed: false, keptInConvex: true },
    });
    expect(remove).toHaveBeenCalledWith('b1');
    expect((await readWatched())[0]?.ignoreRules).toEqual([RULE]);

    const draft = {
      pageUrl: PAGE,
      trigger: { kind: 'fetch', submitter: { inputType: 'button', label: 'Recount usage' } },
      request: { method: 'POST', url: RECOUNT.replace('bot-42', 'bot-7'), bodyKind: 'none' },
    };
    expect(await fromPage('capture:saved', { draft })).toEqual({ ok: true, value: { dropped: 'ignored' } });
    expect(record).not.toHaveBeenCalled();
  });

  it('adds a rule once however often it is marked, and says when nothing reached Convex', async () => {
    const { fromPopup } = setUp('pending');
    await fromPopup('backup:not-a-save', { id: 'b1' });
    expect(await fromPopup('backup:not-a-save', { id: 'b1' })).toEqual({
      ok: true,
      value: { rule: RULE, dashboardId: 'd', managed: false, keptInConvex: false },
    });
    expect((await readWatched())[0]?.ignoreRules).toEqual([RULE]);
  });

  it("says when the dashboard is the administrator's, whose rule only they can take back", async () => {
    await writeWatched([
      { id: 'd', pattern: 'https://dash.example.com/:workspace/settings*', extraLeftOut: [], managed: true },
    ]);
    const { fromPopup } = setUp();
    expect(await fromPopup('backup:not-a-save', { id: 'b1' })).toMatchObject({
      ok: true,
      value: { managed: true },
    });
  });

  it('is refused from a content script', async () => {
    const { fromPage } = setUp();
    expect(await fromPage('backup:not-a-save', { id: 'b1' })).toMatchObject({ ok: false });
  });

  it('reads dashboards stored before ignore rules existed', async () => {
    await watchedItem.setValue([
      { id: 'old', pattern: 'https://old.example.com/:workspace/*', extraLeftOut: ['x'], managed: false },
    ]);
    expect(await readWatched()).toMatchObject([{ id: 'old', extraLeftOut: ['x'] }]);
  });
});
