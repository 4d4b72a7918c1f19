import { describe, expect, it } from 'vitest';
import type { WatchedDashboard } from '../../../lib/storage';
import { findDashboard } from '../../../lib/watch/find-dashboard';

const dashboard = (pattern: string, workspace?: string): WatchedDashboard => ({
  id: pattern,
  pattern,
  extraLeftOut: [],
  managed: false,
  ...(workspace ? { workspace } : {}),
});

describe('findDashboard', () => {
  it.each([
    [
      'the path group',
      [dashboard('https://app.example.com/:workspace/settings*')],
      'https://app.example.com/acme/settings',
      'acme',
    ],
    [
      'the host and port',
      [dashboard('http://grafana.internal:3000/*')],
      'http://grafana.internal:3000/admin',
      'grafana.internal:3000',
    ],
    [
      'the workspace set by hand (issue 14)',
      [dashboard('http://grafana.internal:3000/*', 'acme')],
      'http://grafana.internal:3000/admin',
      'acme',
    ],
    [
      'the hand-set one over the path group',
      [dashboard('https://app.example.com/:workspace/settings*', 'team')],
      'https://app.example.com/acme/settings',
      'team',
    ],
  ])('takes the workspace from %s', (_case, watched, url, workspace) => {
    expect(findDashboard(watched, url)?.workspace).toBe(workspace);
  });

  it('finds nothing for a page no pattern matches', () => {
    expect(
      findDashboard(
        [dashboard('https://app.example.com/:workspace/settings*')],
        'https://other.example.com/',
      ),
    ).toBeNull();
  });
});
