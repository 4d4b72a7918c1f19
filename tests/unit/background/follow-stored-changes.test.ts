import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createReadCache } from '../../../lib/background/create-read-cache';
import { followStoredChanges } from '../../../lib/background/follow-stored-changes';
import {
  installItem,
  readInstall,
  readWatched,
  settingsItem,
  storageHealthItem,
  watchedItem,
} from '../../../lib/storage';

beforeEach(() => {
  fakeBrowser.reset();
});

const handlers = () => ({
  install: vi.fn(),
  watchedDashboards: vi.fn(),
  storageHealth: vi.fn(),
  settings: vi.fn(),
});

describe('followStoredChanges', () => {
  it("a dashboard added in Options is the worker's to capture without a restart", async () => {
    const watchedCache = createReadCache(readWatched);
    followStoredChanges({ ...handlers(), watchedDashboards: watchedCache.invalidate });
    expect(await watchedCache.get()).toEqual([]);
    const dashboard = { id: 'd1', pattern: 'https://app.example.com/:workspace/settings*' };
    await watchedItem.setValue([dashboard]);
    expect((await watchedCache.get()).map(({ id }) => id)).toEqual(['d1']);
  });

  it('a replaced install (an import of another profile, a reset) gives captures its salt', async () => {
    const installCache = createReadCache(() => readInstall());
    followStoredChanges({ ...handlers(), install: installCache.invalidate });
    const first = await installCache.get();
    const replaced = { salt: 'another-salt-another-salt', deviceId: 'd2', deviceName: 'Firefox on Linux' };
    await installItem.setValue(replaced);
    expect(await installCache.get()).toEqual(replaced);
    expect(first.salt).not.toBe(replaced.salt);
  });

  it('calls each stored key’s handler, only for storage.local, once per change', async () => {
    const on = handlers();
    followStoredChanges(on);
    await settingsItem.setValue({ convexUrl: 'https://x.convex.cloud' });
    expect(on.settings).toHaveBeenCalledOnce();
    await storageHealthItem.setValue({ state: 'ok' });
    expect(on.storageHealth).toHaveBeenCalledOnce();
    await fakeBrowser.storage.sync.set({ settings: {} });
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    expect(on.settings).toHaveBeenCalledOnce();
    expect(on.install).not.toHaveBeenCalled();
    expect(on.watchedDashboards).not.toHaveBeenCalled();
  });
});
