import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManagedPolicy, TEST_POLICY_KEY } from '../../../lib/managed/read-managed-policy';

const PATTERN = 'https://app.example.com/:workspace/settings*';

describe('readManagedPolicy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads and validates the managed storage area', async () => {
    await fakeBrowser.storage.managed.set({
      convexUrl: 'https://corp.convex.cloud',
      retentionPerSection: 'many',
    });
    expect(await readManagedPolicy()).toEqual({ convexUrl: 'https://corp.convex.cloud' });
  });

  it('is empty when no policy is installed (the area rejects)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await readManagedPolicy()).toEqual({});
  });

  it('takes the test harness policy from storage.local in the test build', async () => {
    expect(import.meta.env.MODE).toBe('test');
    await fakeBrowser.storage.managed.set({ convexUrl: 'https://real.convex.cloud' });
    await fakeBrowser.storage.local.set({ [TEST_POLICY_KEY]: { watchedDashboards: [{ pattern: PATTERN }] } });
    expect(await readManagedPolicy()).toEqual({
      watchedDashboards: [{ pattern: PATTERN, extraLeftOut: [] }],
    });
  });

  it('ignores a test harness value that is not an object', async () => {
    await fakeBrowser.storage.managed.set({ locked: ['convexUrl'] });
    await fakeBrowser.storage.local.set({ [TEST_POLICY_KEY]: ['convexUrl'] });
    expect(await readManagedPolicy()).toEqual({ locked: ['convexUrl'] });
  });
});
