import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyManagedPolicy } from '../../../lib/managed/apply-managed-policy';
import { followManagedPolicy } from '../../../lib/managed/follow-managed-policy';
import { TEST_POLICY_KEY } from '../../../lib/managed/read-managed-policy';
import { readSettings, readWatched, writeSettings, writeWatched } from '../../../lib/storage';

const MANAGED = 'https://corp.example.com/:workspace/settings*';
const OWN = 'https://mine.example.com/settings*';

describe('applyManagedPolicy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('merges the policy into settings and watched dashboards, keeping the user’s', async () => {
    await writeSettings({ convexUrl: 'https://mine.convex.cloud', accessKey: 'secret' });
    await writeWatched([{ id: 'own', pattern: OWN, extraLeftOut: [], managed: false }]);
    await applyManagedPolicy({
      convexUrl: 'https://corp.convex.cloud',
      watchedDashboards: [{ pattern: MANAGED, extraLeftOut: ['sso'] }],
      locked: ['convexUrl'],
      retentionPerSection: 20,
    });
    expect(await readSettings()).toEqual({
      convexUrl: 'https://corp.convex.cloud',
      accessKey: 'secret',
      workspaceKeys: [],
      retentionPerSection: 20,
      locked: ['convexUrl'],
    });
    expect((await readWatched()).map((d) => [d.pattern, d.managed])).toEqual([
      [MANAGED, true],
      [OWN, false],
    ]);
  });

  it('writes nothing when the policy is already applied (each write wakes sync or re-registers scripts)', async () => {
    const policy = {
      convexUrl: 'https://corp.convex.cloud',
      watchedDashboards: [{ pattern: MANAGED, extraLeftOut: [] }],
    };
    await applyManagedPolicy(policy);
    const changes: string[] = [];
    fakeBrowser.storage.onChanged.addListener((change) => changes.push(...Object.keys(change)));
    await applyManagedPolicy(policy);
    expect(changes).toEqual([]);
  });
});

describe('followManagedPolicy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('applies the policy at once and again when the test harness changes it', async () => {
    await fakeBrowser.storage.local.set({ [TEST_POLICY_KEY]: { locked: ['retentionPerSection'] } });
    followManagedPolicy();
    await expect.poll(async () => (await readSettings()).locked).toEqual(['retentionPerSection']);
    await fakeBrowser.storage.local.set({ [TEST_POLICY_KEY]: { watchedDashboards: [{ pattern: MANAGED }] } });
    await expect.poll(async () => (await readWatched()).map((d) => d.pattern)).toEqual([MANAGED]);
    expect((await readSettings()).locked).toEqual([]);
  });

  it('applies the administrator’s policy again when it changes', async () => {
    followManagedPolicy();
    await fakeBrowser.storage.managed.set({ convexUrl: 'https://corp.convex.cloud', locked: ['convexUrl'] });
    await expect.poll(async () => (await readSettings()).convexUrl).toBe('https://corp.convex.cloud');
    expect((await readSettings()).locked).toEqual(['convexUrl']);
  });
});
