import { describe, expect, it } from 'vitest';
import { proposePattern } from '../../../lib/popup/propose-pattern';
import { compileDashboardPattern } from '../../../lib/watch/dashboard-pattern';

describe('proposePattern', () => {
  it.each([
    ['http://127.0.0.1:4400/acme/settings', 'http://127.0.0.1:*/:workspace/settings*', 'acme'],
    ['http://127.0.0.1:4400/acme/settings/', 'http://127.0.0.1:*/:workspace/settings*', 'acme'],
    [
      'https://app.example.com/acme/settings/billing?tab=2#x',
      'https://app.example.com:*/:workspace/settings/billing*',
      'acme',
    ],
    ['https://example.com/settings/general', 'https://example.com:*/settings/general*', 'example.com'],
    ['https://example.com/app/acme', 'https://example.com:*/app/acme*', 'example.com'],
    ['https://example.com/API/v1', 'https://example.com:*/API/v1*', 'example.com'],
    ['https://example.com/orgs/acme/settings', 'https://example.com:*/orgs/:workspace/settings*', 'acme'],
    ['https://example.com/acme', 'https://example.com:*/acme*', 'example.com'],
    ['https://example.com/', 'https://example.com:*/*', 'example.com'],
    ['http://localhost:3000/team-7/preferences', 'http://localhost:*/:workspace/preferences*', 'team-7'],
  ])('%s → %s', (url, pattern, workspace) => {
    expect(proposePattern(url)).toBe(pattern);
    expect(compileDashboardPattern(pattern).match(url)).toEqual({ workspace });
  });

  it.each(['chrome://extensions', 'file:///tmp/a.html', 'about:blank', 'not a url'])(
    'proposes nothing for %s',
    (url) => {
      expect(proposePattern(url)).toBeNull();
    },
  );
});
