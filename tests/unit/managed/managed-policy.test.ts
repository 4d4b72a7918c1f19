import { describe, expect, it } from 'vitest';
import { parseManagedPolicy, type ManagedPolicy } from '../../../lib/managed/managed-policy';

const PATTERN = 'https://app.example.com/:workspace/settings*';

describe('parseManagedPolicy', () => {
  it.each<[string, unknown, ManagedPolicy]>([
    ['no policy', undefined, {}],
    ['a non-object', 'convexUrl=x', {}],
    ['an array', [1, 2], {}],
    ['an empty object', {}, {}],
    [
      'a complete policy',
      {
        convexUrl: 'https://corp.convex.cloud',
        watchedDashboards: [{ pattern: PATTERN, savePattern: '/api/*', extraLeftOut: ['token'] }],
        locked: ['convexUrl'],
        retentionPerSection: 30,
      },
      {
        convexUrl: 'https://corp.convex.cloud',
        watchedDashboards: [{ pattern: PATTERN, savePattern: '/api/*', extraLeftOut: ['token'] }],
        locked: ['convexUrl'],
        retentionPerSection: 30,
      },
    ],
    ['an empty URL (local only)', { convexUrl: '' }, { convexUrl: '' }],
    ['a URL that is not http(s) is ignored', { convexUrl: 'ftp://corp', locked: [] }, { locked: [] }],
    ['a retention out of range is ignored', { retentionPerSection: 0, convexUrl: '' }, { convexUrl: '' }],
    ['a fractional retention is ignored', { retentionPerSection: 2.5 }, {}],
    ['locked of the wrong type is ignored', { locked: 'convexUrl' }, {}],
    [
      'invalid dashboards are dropped, valid ones kept',
      {
        watchedDashboards: [
          { pattern: 'not a pattern' },
          { savePattern: '/x' },
          'https://x.example.com/*',
          { pattern: ` ${PATTERN} `, extraLeftOut: 'token' },
        ],
      },
      { watchedDashboards: [{ pattern: PATTERN, extraLeftOut: [] }] },
    ],
    ['dashboards that are not a list are ignored', { watchedDashboards: { pattern: PATTERN } }, {}],
  ])('%s', (_name, raw, expected) => {
    expect(parseManagedPolicy(raw)).toEqual(expected);
  });
});
