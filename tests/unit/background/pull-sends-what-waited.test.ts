import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/create-handlers';
import { dispatchMessage } from '../../../lib/background/dispatch-message';
import type { Sender } from '../../../lib/messaging';
import { writeStatus, type WorkspaceStatus } from '../../../lib/storage';

/** Opens the popup on acme (its "sync:pull") with the stored status; whether the outbox was drained. */
async function openPopup(status: Omit<WorkspaceStatus, 'retryable' | 'quarantined' | 'updatedAt'>) {
  await writeStatus('acme', { retryable: true, quarantined: 0, updatedAt: 1, ...status });
  const drain = vi.fn(async () => undefined);
  const handlers = createHandlers({
    journal: {},
    drift: { measure: vi.fn(), clearSection: vi.fn() },
    sync: { pull: async () => 0, drain },
    onChange: () => undefined,
  } as unknown as Parameters<typeof createHandlers>[0]);
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') } as Sender;
  await dispatchMessage(handlers, { type: 'sync:pull', data: { workspace: 'acme' } }, popup);
  return drain.mock.calls.length > 0;
}

describe('opening the popup after the network came back', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends the backups that waited for the network now, not at the next alarm', async () => {
    expect(await openPopup({ state: 'offline', error: 'No network connection', waiting: 2 })).toBe(true);
  });

  it('leaves the outbox alone otherwise: synced, or kept here without Convex', async () => {
    expect(await openPopup({ state: 'synced', waiting: 0 })).toBe(false);
    expect(await openPopup({ state: 'offline', waiting: 2 })).toBe(false);
  });
});
