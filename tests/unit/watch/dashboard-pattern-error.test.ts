import { describe, expect, it } from 'vitest';
import { dashboardPatternError } from '../../../lib/watch/dashboard-pattern-error';
import type { WatchedDashboard } from '../../../lib/storage';

const PATTERN = 'https://app.example.com/:workspace/settings*';
const watched: WatchedDashboard[] = [{ id: 'a', pattern: PATTERN, extraLeftOut: [], managed: false }];

describe('dashboardPatternError', () => {
  it.each<[string, string, string | undefined, RegExp | null]>([
    ['a new pattern', 'https://other.example.com/*', undefined, null],
    ['an empty pattern', '  ', undefined, /Enter a dashboard URL pattern/],
    ['an invalid pattern', 'app.example.com/settings', undefined, /URL pattern like/],
    ['every site', 'https://*/settings', undefined, /specific host/],
    ['a duplicate', PATTERN, undefined, /already watched/],
    [
      'a duplicate differing in case and spaces',
      ' https://APP.Example.com/:workspace/settings* ',
      undefined,
      /already watched/,
    ],
    ['the entry being edited keeping its pattern', PATTERN, 'a', null],
  ])('%s', (_name, pattern, editingId, expected) => {
    const error = dashboardPatternError(pattern, watched, editingId);
    if (expected) expect(error).toMatch(expected);
    else expect(error).toBeNull();
  });
});
