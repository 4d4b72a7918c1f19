import { describe, expect, it, vi } from 'vitest';
import { isSaveRequest } from '../../../lib/page/bridge/is-save-request';
import { registrableDomain } from '../../../lib/page/bridge/is-same-site';

const PAGE = 'https://app.example.com/settings';

describe('isSaveRequest', () => {
  it.each([
    // method
    ['POST same origin', 'POST', 'https://app.example.com/api/settings', true],
    ['PUT', 'PUT', 'https://app.example.com/api/settings/1', true],
    ['lower-case patch', 'patch', 'https://app.example.com/api/settings/1', true],
    ['DELETE', 'DELETE', 'https://app.example.com/api/webhooks/7', true],
    ['GET', 'GET', 'https://app.example.com/api/settings', false],
    ['HEAD', 'HEAD', 'https://app.example.com/api/settings', false],
    ['OPTIONS', 'OPTIONS', 'https://app.example.com/api/settings', false],
    // site
    ['relative URL', 'POST', '/api/settings', true],
    ['sibling subdomain', 'POST', 'https://api.example.com/v1/settings', true],
    ['parent domain', 'POST', 'https://example.com/settings', true],
    ['other port, same host', 'POST', 'https://app.example.com:8443/api', true],
    ['third-party host', 'POST', 'https://api.other.com/settings', false],
    ['look-alike host', 'POST', 'https://example.com.evil.io/settings', false],
    ['http downgrade', 'POST', 'http://app.example.com/api/settings', false],
    ['non-http scheme', 'POST', 'data:text/plain,hi', false],
    ['malformed URL', 'POST', 'https://', false],
    // analytics, telemetry, beacons
    ['analytics path', 'POST', 'https://app.example.com/api/analytics', false],
    ['GA-style collect', 'POST', 'https://app.example.com/g/collect', false],
    ['track endpoint', 'POST', 'https://app.example.com/v1/track', false],
    ['track-event word', 'POST', 'https://app.example.com/api/track-event', false],
    ['telemetry', 'POST', 'https://app.example.com/telemetry/v2', false],
    ['metrics', 'POST', 'https://app.example.com/api/metrics', false],
    ['events', 'POST', 'https://app.example.com/api/events', false],
    ['log', 'POST', 'https://app.example.com/log', false],
    ['logs.json', 'POST', 'https://app.example.com/api/logs.json', false],
    ['beacon', 'POST', 'https://app.example.com/beacon', false],
    ['sentry envelope', 'POST', 'https://app.example.com/sentry/api/1/envelope/', false],
    ['rum', 'POST', 'https://app.example.com/rum', false],
    ['analytics subdomain', 'POST', 'https://analytics.example.com/v1/settings', false],
    ['login is not log', 'POST', 'https://app.example.com/api/login', true],
    ['catalog is not log', 'POST', 'https://app.example.com/api/catalog', true],
    ['event-types is not events', 'POST', 'https://app.example.com/api/event-types', true],
  ])('%s: %s %s → %s', (_, method, url, expected) => {
    expect(isSaveRequest(method, url, PAGE)).toBe(expected);
  });

  it.each([
    [
      'glob on the full URL',
      'https://app.example.com/api/settings/*',
      'https://app.example.com/api/settings/3',
      true,
    ],
    [
      'glob misses another path',
      'https://app.example.com/api/settings/*',
      'https://app.example.com/api/users/3',
      false,
    ],
    ['path glob', '/api/settings/*', 'https://app.example.com/api/settings/3', true],
    ['path glob misses', '/api/settings/*', 'https://app.example.com/api/profile', false],
    ['path glob ignores the query', '/api/settings', 'https://app.example.com/api/settings?draft=1', true],
    [
      'query in the pattern is compared',
      '/api/save?section=*',
      'https://app.example.com/api/save?section=a',
      true,
    ],
    ['named segment', '/api/teams/:team/settings', 'https://app.example.com/api/teams/42/settings', true],
    [
      'named segment is one segment',
      '/api/teams/:team/settings',
      'https://app.example.com/api/teams/4/2/settings',
      false,
    ],
    ['glob on a sibling', 'https://api.example.com/*', 'https://api.example.com/v1/prefs', true],
    ['pattern cannot widen to a third party', 'https://evil.io/*', 'https://evil.io/save', false],
    ['pattern does not revive analytics', '/api/*', 'https://app.example.com/api/analytics', false],
  ])('savePattern %s: %s matches %s → %s', (_, pattern, url, expected) => {
    expect(isSaveRequest('POST', url, PAGE, pattern)).toBe(expected);
  });

  it("uses the browser's URLPattern for URLPattern syntax and a glob otherwise", () => {
    const test = vi.fn(() => true);
    vi.stubGlobal(
      'URLPattern',
      vi.fn(
        class {
          test = test;
        },
      ),
    );
    try {
      expect(isSaveRequest('POST', 'https://app.example.com/x', PAGE, '/api/:id(\\d+)')).toBe(true);
      expect(test).toHaveBeenCalledExactlyOnceWith('https://app.example.com/x');
      expect(isSaveRequest('POST', 'https://app.example.com/x', PAGE, '/api/*')).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('treats localhost ports as the same site but not other local hosts', () => {
    expect(isSaveRequest('POST', 'http://127.0.0.1:4000/api', 'http://127.0.0.1:3000/')).toBe(true);
    expect(isSaveRequest('POST', 'http://localhost:4000/api', 'http://127.0.0.1:3000/')).toBe(false);
  });
});

describe('registrableDomain', () => {
  it.each([
    ['app.example.com', 'example.com'],
    ['example.com', 'example.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['shop.example.com.au', 'example.com.au'],
    ['alice.github.io', 'alice.github.io'],
    ['app.alice.github.io', 'alice.github.io'],
    ['my-app.vercel.app', 'my-app.vercel.app'],
    ['co.uk', null],
    ['github.io', null],
    ['localhost', null],
    ['192.168.1.10', null],
    ['[::1]', null],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });

  it('keeps tenants of shared hosting apart', () => {
    expect(isSaveRequest('POST', 'https://bob.github.io/save', 'https://alice.github.io/')).toBe(false);
  });
});
