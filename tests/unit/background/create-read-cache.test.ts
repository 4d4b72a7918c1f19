import { describe, expect, it, vi } from 'vitest';
import { createReadCache } from '../../../lib/background/create-read-cache';
import type { WatchedDashboard } from '../../../lib/storage';

const dashboard = (pattern: string) => ({ pattern }) as WatchedDashboard;

describe('createReadCache', () => {
  it('reads the watched list once for any number of page loads, and again once it changed', async () => {
    let stored = [dashboard('https://a.example.com/*')];
    const read = vi.fn(async () => stored);
    const cache = createReadCache(read);
    const loads = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(await cache.get()).toEqual(stored);
    expect(loads).toEqual([stored, stored, stored]);
    expect(read).toHaveBeenCalledOnce();
    stored = [dashboard('https://b.example.com/*')];
    cache.invalidate();
    expect(await cache.get()).toEqual([dashboard('https://b.example.com/*')]);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed read: the next page load reads again', async () => {
    const read = vi
      .fn<() => Promise<WatchedDashboard[]>>()
      .mockRejectedValueOnce(new Error('storage is busy'))
      .mockResolvedValue([dashboard('https://a.example.com/*')]);
    const cache = createReadCache(read);
    await expect(cache.get()).rejects.toThrow('storage is busy');
    expect(await cache.get()).toEqual([dashboard('https://a.example.com/*')]);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
