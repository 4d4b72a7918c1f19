import { describe, expect, it } from 'vitest';
import type { ManagedPolicy } from '../../../lib/managed/managed-policy';
import { managedDashboardId, mergeManaged, type ManagedState } from '../../../lib/managed/merge-managed';
import type { Settings, WatchedDashboard } from '../../../lib/storage';

const settings: Settings = {
  convexUrl: 'https://mine.convex.cloud',
  accessKey: 'k',
  workspaceKeys: [],
  retentionPerSection: 200,
  locked: [],
};

function own(pattern: string, id = `own-${pattern}`): WatchedDashboard {
  return { id, pattern, extraLeftOut: [], managed: false };
}

function managed(pattern: string, extra: Partial<WatchedDashboard> = {}): WatchedDashboard {
  return { id: managedDashboardId(pattern), pattern, extraLeftOut: [], managed: true, ...extra };
}

const A = 'https://a.example.com/:workspace/settings*';
const B = 'https://b.example.com/settings*';
const C = 'https://c.example.com/*';

describe('mergeManaged', () => {
  it.each<[string, ManagedState, ManagedPolicy, ManagedState]>([
    [
      'an empty policy changes nothing but the locks',
      { settings, watched: [own(A)] },
      {},
      { settings, watched: [own(A)] },
    ],
    [
      'managed values win over the user’s',
      { settings, watched: [] },
      { convexUrl: 'https://corp.convex.cloud', retentionPerSection: 50, locked: ['convexUrl'] },
      {
        settings: {
          ...settings,
          convexUrl: 'https://corp.convex.cloud',
          retentionPerSection: 50,
          locked: ['convexUrl'],
        },
        watched: [],
      },
    ],
    [
      'an empty managed URL means local only',
      { settings, watched: [] },
      { convexUrl: '' },
      { settings: { ...settings, convexUrl: '' }, watched: [] },
    ],
    [
      'managed dashboards come first and keep the user’s',
      { settings, watched: [own(A)] },
      { watchedDashboards: [{ pattern: B, savePattern: '/api/*', extraLeftOut: ['token'] }] },
      { settings, watched: [managed(B, { savePattern: '/api/*', extraLeftOut: ['token'] }), own(A)] },
    ],
    [
      'the previous managed dashboards are replaced',
      { settings, watched: [managed(A), own(C)] },
      { watchedDashboards: [{ pattern: B, extraLeftOut: [] }] },
      { settings, watched: [managed(B), own(C)] },
    ],
    [
      'a policy without dashboards removes the managed ones',
      { settings, watched: [managed(A), own(C)] },
      {},
      { settings, watched: [own(C)] },
    ],
    [
      'a user dashboard the policy now watches itself gives way to the managed one',
      { settings, watched: [own(A.toUpperCase())] },
      { watchedDashboards: [{ pattern: A, extraLeftOut: [] }] },
      { settings, watched: [managed(A)] },
    ],
    [
      'a pattern listed twice in the policy is watched once',
      { settings, watched: [] },
      {
        watchedDashboards: [
          { pattern: A, extraLeftOut: [] },
          { pattern: A, extraLeftOut: ['x'] },
        ],
      },
      { settings, watched: [managed(A)] },
    ],
    [
      'locks mirror the current policy: removing the policy unlocks',
      { settings: { ...settings, locked: ['convexUrl', 'retentionPerSection'] }, watched: [] },
      { locked: ['retentionPerSection', 'retentionPerSection'] },
      { settings: { ...settings, locked: ['retentionPerSection'] }, watched: [] },
    ],
  ])('%s', (_name, current, policy, expected) => {
    expect(mergeManaged(current, policy)).toEqual(expected);
  });

  it('keeps the user’s "Not a settings save" rules on a managed dashboard through a policy update', () => {
    const rules = ['POST /api/:id/test-webhook'];
    const state = { settings, watched: [managed(A, { ignoreRules: rules })] };
    const next = mergeManaged(state, { watchedDashboards: [{ pattern: A, extraLeftOut: ['x'] }] });
    expect(next.watched).toEqual([managed(A, { extraLeftOut: ['x'], ignoreRules: rules })]);
  });

  it('is idempotent: applying the same policy twice gives the same state', () => {
    const policy: ManagedPolicy = {
      convexUrl: 'https://corp.convex.cloud',
      watchedDashboards: [{ pattern: A, extraLeftOut: [] }],
      locked: ['watchedDashboards'],
    };
    const once = mergeManaged({ settings, watched: [own(C)] }, policy);
    expect(mergeManaged(once, policy)).toEqual(once);
  });

  it('does not change its input', () => {
    const current = { settings, watched: [managed(A), own(C)] };
    const copy = structuredClone(current);
    mergeManaged(current, { convexUrl: '', watchedDashboards: [] });
    expect(current).toEqual(copy);
  });
});
