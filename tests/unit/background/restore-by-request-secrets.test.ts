import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreByRequest, type RequestRestoreDeps } from '../../../lib/background/restore-by-request';
import type { Snapshot } from '../../../lib/capture/snapshot';
import { createJournal, type Journal } from '../../../lib/journal/create-journal';
import { openJournal } from '../../../lib/journal/open-journal';
import type { PageResponse } from '../../../lib/page/restore-agent/page-requests';
import type { WatchedDashboard } from '../../../lib/storage';
import { capture } from '../support/capture-path';

/**
 * Syncthing 1.19's GUI saves its whole configuration with `PUT /rest/config`: its API key and GUI password ride
 * along, and a PUT without the API key makes Syncthing generate a new one (every client of the old key locked out).
 */
const TAB = 'http://127.0.0.1:8384/';
const SAVE = '/rest/config';
const DASHBOARD: WatchedDashboard = {
  id: 'd',
  pattern: 'http://127.0.0.1:*/*',
  extraLeftOut: [],
  managed: false,
};
const SALT = 'salt-salt-salt-salt';

const config = (maxRecvKbps: number) => ({
  options: { maxRecvKbps, natEnabled: true },
  gui: { address: '127.0.0.1:8384', apiKey: 'Cy7YfQk2vJ9sP3mN8xL4', password: 'hash-of-the-password' },
});

async function syncthingSave(method: string, body: unknown): Promise<Snapshot> {
  const { snapshot } = await capture(
    { pageUrl: TAB, trigger: { kind: 'xhr' }, request: { method, url: SAVE, bodyKind: 'json', body } },
    { salt: SALT, typeHint: 'config' },
  );
  return snapshot;
}

let journal: Journal;
beforeEach(async () => {
  journal = createJournal(await openJournal(`secrets-${Math.random()}`));
});

async function restore(backup: Snapshot, read: () => Promise<PageResponse>) {
  const send = vi.fn<RequestRestoreDeps['send']>(async () => ({ ok: true, status: 200 }));
  const { report } = await restoreByRequest(
    { journal, watched: async () => [DASHBOARD], read: vi.fn(read), send, salt: async () => SALT },
    { tabId: 1, tabUrl: TAB, workspace: '127.0.0.1:8384', dashboard: DASHBOARD, backup, madeHere: true },
  );
  return { report, send };
}

describe("a restore by request of a save that carries secrets Savepoint never stores (Syncthing's whole config)", () => {
  it('the backup holds neither the API key nor the password', async () => {
    const backup = await syncthingSave('PUT', config(100));
    expect(JSON.stringify(backup)).not.toContain('Cy7Yf');
    expect(JSON.stringify(backup)).not.toContain('hash-of-the-password');
  });

  it('sends nothing when the current settings cannot be read (they would go without the API key), and says why', async () => {
    const backup = await syncthingSave('PUT', config(100));
    const { report, send } = await restore(backup, async () => ({ ok: false, status: 403 }));
    expect(send).not.toHaveBeenCalled();
    expect(report.savedVia).toBe('none');
    expect(report.saveError).toMatch(
      /^The dashboard's save also sends .*Api key.*Password.*which Savepoint never stores/,
    );
    expect(report.saveError).toContain("the dashboard's current settings could not be read");
  });

  it("sends the dashboard's own API key and password back when it can read them", async () => {
    const backup = await syncthingSave('PUT', config(100));
    const now = { ...config(250), gui: { ...config(250).gui, apiKey: 'ServerKeyNow' } };
    const { report, send } = await restore(backup, async () => ({ ok: true, status: 200, body: now }));
    expect(report.saveError).toBeUndefined();
    expect(send.mock.calls[0]?.[1].body).toEqual({
      options: { maxRecvKbps: 100, natEnabled: true },
      gui: { address: '127.0.0.1:8384', apiKey: 'ServerKeyNow', password: 'hash-of-the-password' },
    });
  });

  it("a read that never shows them (write-only secrets, as Grafana's) sends the save without them, as the page's own save does", async () => {
    const backup = await syncthingSave('PUT', config(100));
    const { gui, ...rest } = config(250);
    const now = { ...rest, gui: { address: gui.address } };
    const { report, send } = await restore(backup, async () => ({ ok: true, status: 200, body: now }));
    expect(report.saveError).toBeUndefined();
    expect(send.mock.calls[0]?.[1].body).toEqual({
      options: { maxRecvKbps: 100, natEnabled: true },
      gui: { address: '127.0.0.1:8384' },
    });
  });

  it("fills a CSRF token the save carried in its body with the page's fresh one, though the read has none", async () => {
    const backup = await syncthingSave('PUT', {
      _token: 'kq3Xv9b2LmZ8tR4wYp1sN6cH0dF7gJ5a',
      siteName: 'Old',
    });
    const now = { siteName: 'New' };
    const { report, send } = await restore(backup, async () => ({ ok: true, status: 200, body: now }));
    expect(report.saveError).toBeUndefined();
    expect(send.mock.calls[0]?.[1]).toMatchObject({ body: { siteName: 'Old' }, tokenKeys: ['_token'] });
  });

  it('never sends the placeholder of a left-out item of a list: that list is left as the dashboard has it', async () => {
    const hook = 'https://hooks.slack.com/services/T0123ABCD/B0123ABCD/abcdefghijklmnopqrstuvwx';
    const backup = await syncthingSave('PUT', {
      channel: 'ops',
      webhooks: [hook, 'https://example.com/hook'],
    });
    const now = { channel: 'dev', webhooks: [hook] };
    const { report, send } = await restore(backup, async () => ({ ok: true, status: 200, body: now }));
    expect(JSON.stringify(send.mock.calls[0]?.[1].body)).not.toContain('[left out]');
    expect(send.mock.calls[0]?.[1].body).toEqual({ channel: 'ops', webhooks: [hook] });
    expect(report.fields.find((field) => field.key === 'webhooks')?.outcome).toBe('skipped');
  });

  it('sends a secret the save sent empty ("leave blank to keep the current key") empty again, as the page does', async () => {
    // The demo's Brain: its key field is sent blank to keep the key; its read shows only whether one is set.
    const backup = await syncthingSave('PUT', { systemPrompt: 'Be brief', apiKey: '' });
    const now = { systemPrompt: 'Be verbose', apiKeySet: true };
    const { report, send } = await restore(backup, async () => ({ ok: true, status: 200, body: now }));
    expect(report.saveError).toBeUndefined();
    expect(send.mock.calls[0]?.[1].body).toEqual({ systemPrompt: 'Be brief', apiKey: '' });
  });

  it('a PATCH, which changes only what it sends, goes without them', async () => {
    const backup = await syncthingSave('PATCH', config(100));
    const { report, send } = await restore(backup, async () => ({ ok: false, status: 403 }));
    expect(report.saveError).toBeUndefined();
    expect(send).toHaveBeenCalledOnce();
    expect(send.mock.calls[0]?.[1].body).toEqual({
      options: { maxRecvKbps: 100, natEnabled: true },
      gui: { address: '127.0.0.1:8384' },
    });
  });
});
