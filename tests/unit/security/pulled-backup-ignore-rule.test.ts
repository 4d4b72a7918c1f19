// SECURITY: "Not a settings save" on a backup this browser did not make turns the backup's request, which is data
// any capture key of the workspace (or a crafted import) wrote, into an ignore rule of a watched dashboard. A path
// segment starting with ":" is kept as it is, and a rule's ":" segment matches any segment: a pulled "Webhook test
// ping" whose request is PUT /:a/:b/:c/:d/:e becomes the rule `PUT /:a/:b/:c/:d/:e`, and every five-segment PUT of
// the dashboard (its real saves) is dropped from then on, silently. Its page URL also chooses the dashboard and
// workspace the rule is for, whatever workspace the backup was pulled for.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/create-handlers';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import { isIgnored } from '../../../lib/background/ignore-backup-request';
import type { Sender } from '../../../lib/messaging';
import { readWatched, writeWatched } from '../../../lib/storage';

const ORIGIN = 'https://dash.example.com';
const REAL_SAVE = `${ORIGIN}/api/workspaces/acme/settings/bot-names`;

function setUp(backup: { workspace: string; pageUrl: string; url: string }) {
  const handlers = createHandlers({
    journal: {
      get: async (id: string) => ({
        id,
        workspace: backup.workspace,
        type: 'ping',
        contentHash: 'h',
        source: 'auto',
        outbox: 'remote',
      }),
      snapshotOf: async () => ({
        type: 'ping',
        title: 'Webhook test ping',
        pageUrl: backup.pageUrl,
        fields: [],
        request: { method: 'PUT', url: backup.url, bodyKind: 'json', body: {} },
        trigger: { kind: 'fetch' },
        leftOut: [],
      }),
      remove: vi.fn(async () => undefined),
    },
    capture: {},
    ledger: {},
    onChange: () => undefined,
  } as unknown as Parameters<typeof createHandlers>[0]);
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') } as Sender;
  return (data: unknown) => dispatchMessage(handlers, { type: 'backup:not-a-save', data }, popup);
}

describe('SECURITY: "Not a settings save" on a pulled backup', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeWatched([
      { id: 'd', pattern: `${ORIGIN}/:workspace/settings*`, extraLeftOut: [], managed: false },
    ]);
  });

  it("does not make a rule that ignores the dashboard's real saves", async () => {
    const notASave = setUp({ workspace: 'acme', pageUrl: `${ORIGIN}/acme/settings`, url: '/:a/:b/:c/:d/:e' });
    await notASave({ id: 'ping' });
    const [dashboard] = await readWatched();
    expect(dashboard && isIgnored(dashboard, 'PUT', REAL_SAVE)).toBe(false);
  });

  it('adds no rule for a page of another workspace than the one the backup was pulled for', async () => {
    const notASave = setUp({
      workspace: 'globex',
      pageUrl: `${ORIGIN}/acme/settings`,
      url: '/api/workspaces/acme/settings/bot-names',
    });
    const reply = await notASave({ id: 'ping' });
    expect(reply.ok).toBe(false);
    expect((await readWatched())[0]?.ignoreRules ?? []).toEqual([]);
  });
});
