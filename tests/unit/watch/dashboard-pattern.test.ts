import { describe, expect, it } from 'vitest';
import { compileDashboardPattern, patternError } from '../../../lib/watch/dashboard-pattern';

describe('compileDashboardPattern', () => {
  it.each([
    ['http://127.0.0.1:*/:workspace/settings*', 'http://127.0.0.1:4400/acme/settings', 'acme'],
    ['http://127.0.0.1:*/:workspace/settings*', 'http://127.0.0.1:4400/acme/settings?saved=intern', 'acme'],
    ['http://127.0.0.1:*/:workspace/settings*', 'http://127.0.0.1/globex/settings/brain', 'globex'],
    ['https://app.example.com/settings*', 'https://app.example.com/settings/team', 'app.example.com'],
    ['https://*.example.com/:workspace/*', 'https://eu.example.com/acme/prefs', 'acme'],
    [
      'https://app.example.com/w/:workspace/settings',
      'https://app.example.com/w/my%20team/settings',
      'my team',
    ],
    // No :workspace group: the host with its port, so two apps on one machine stay apart.
    ['http://127.0.0.1:*/*', 'http://127.0.0.1:1880/', '127.0.0.1:1880'],
    ['https://grafana.example.com/*', 'https://grafana.example.com/admin', 'grafana.example.com'],
    // A scheme's own port written out: the browser's address leaves it out, and the page is the same.
    ['https://grafana.example.com:443/*', 'https://grafana.example.com/admin', 'grafana.example.com'],
    ['http://wiki.example.com:80/doku.php*', 'http://wiki.example.com/doku.php?id=start', 'wiki.example.com'],
    ['*://wiki.example.com:443/*', 'https://wiki.example.com/', 'wiki.example.com'],
  ])('%s matches %s as workspace %s', (pattern, url, workspace) => {
    expect(compileDashboardPattern(pattern).match(url)).toEqual({ workspace });
  });

  it.each([
    ['http://127.0.0.1:*/:workspace/settings*', 'http://127.0.0.1:4400/about'],
    ['http://127.0.0.1:*/:workspace/settings*', 'http://localhost:4400/acme/settings'],
    ['https://app.example.com/settings*', 'http://app.example.com/settings'],
    ['https://app.example.com:8443/settings*', 'https://app.example.com/settings'],
    ['https://*.example.com/:workspace/*', 'https://example.org/acme/prefs'],
    ['https://app.example.com/settings*', 'not a url'],
    ['*://wiki.example.com:443/*', 'http://wiki.example.com/'],
    ['http://wiki.example.com:443/*', 'http://wiki.example.com/'],
  ])('%s does not match %s', (pattern, url) => {
    expect(compileDashboardPattern(pattern).match(url)).toBeNull();
  });

  it('gives the match pattern to register content scripts for and the origin to ask permission for', () => {
    const compiled = compileDashboardPattern('http://127.0.0.1:*/:workspace/settings*');
    expect(compiled.matchPattern).toBe('http://127.0.0.1/*/settings*');
    expect(compiled.originPattern).toBe('http://127.0.0.1/*');
  });

  it.each([
    ['', /URL pattern like/],
    ['app.example.com/settings', /URL pattern like/],
    ['ftp://example.com/*', /URL pattern like/],
    ['https://*/settings', /specific host/],
  ])('explains why %j is not a pattern', (pattern, message) => {
    expect(patternError(pattern)).toMatch(message);
  });
});

describe('compileDashboardPattern: kept per pattern text', () => {
  it('compiles a pattern once, and the kept matcher gives the same answers every time', () => {
    const pattern = 'https://kept.example.com/:workspace/settings*';
    const first = compileDashboardPattern(pattern);
    expect(compileDashboardPattern(pattern)).toBe(first);
    for (let i = 0; i < 3; i += 1) {
      expect(first.match('https://kept.example.com/acme/settings/general')).toEqual({ workspace: 'acme' });
      expect(first.match('https://kept.example.com/acme/other')).toBeNull();
    }
  });

  it('still refuses an invalid pattern every time', () => {
    expect(() => compileDashboardPattern('not a pattern')).toThrow(/URL pattern/);
    expect(() => compileDashboardPattern('not a pattern')).toThrow(/URL pattern/);
  });
});
