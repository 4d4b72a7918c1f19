import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { followStoredChanges } from '../../../lib/background/follow-stored-changes';
import { installItem, settingsItem, storageHealthItem, watchedItem } from '../../../lib/storage';

beforeEach(() => {
  fakeBrowser.reset();
});

function follow() {
  const on = { install: vi.fn(), watchedDashboards: vi.fn(), storageHealth: vi.fn(), settings: vi.fn() };
  followStoredChanges(on);
  return on;
}

const INSTALL = { salt: 'another-salt-another-salt', deviceId: 'd2', deviceName: 'Firefox on Linux' };
const DASHBOARD = { id: 'd1', pattern: 'https://app.example.com/:workspace/settings*' };

describe('followStoredChanges', () => {
  it.each([
    ['install', () => installItem.setValue(INSTALL)],
    ['watchedDashboards', () => watchedItem.setValue([DASHBOARD])],
    ['storageHealth', () => storageHealthItem.setValue({ state: 'ok' })],
    ['settings', () => settingsItem.setValue({ convexUrl: 'https://x.convex.cloud' })],
  ] as const)('calls the %s handler once when its item is written, and no other', async (name, write) => {
    const on = follow();
    await write();
    for (const [handler, called] of Object.entries(on)) {
      expect(called, handler).toHaveBeenCalledTimes(handler === name ? 1 : 0);
    }
  });

  it('calls each handler once when one write changes several followed items', async () => {
    const on = follow();
    await fakeBrowser.storage.local.set({
      install: INSTALL,
      settings: { convexUrl: 'https://x.convex.cloud' },
    });
    expect(on.install).toHaveBeenCalledOnce();
    expect(on.settings).toHaveBeenCalledOnce();
    expect(on.watchedDashboards).not.toHaveBeenCalled();
    expect(on.storageHealth).not.toHaveBeenCalled();
  });

  it('calls no handler for a key it does not follow, or for a followed key in another storage area', async () => {
    const on = follow();
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    await fakeBrowser.storage.sync.set({ install: INSTALL, settings: {}, watchedDashboards: [DASHBOARD] });
    await fakeBrowser.storage.session.set({ storageHealth: { state: 'ok' } });
    for (const [handler, called] of Object.entries(on)) expect(called, handler).not.toHaveBeenCalled();
  });
});
