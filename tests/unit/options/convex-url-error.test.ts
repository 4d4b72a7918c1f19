import { describe, expect, it } from 'vitest';
import { convexUrlError } from '../../../lib/options/convex-url-error';

describe('convexUrlError', () => {
  it.each([
    '',
    '   ',
    'https://happy-animal-123.convex.cloud',
    'http://127.0.0.1:3210',
    ' https://x.convex.cloud/ ',
  ])('accepts %j', (url) => {
    expect(convexUrlError(url)).toBeNull();
  });

  it.each([
    ['happy-animal-123.convex.cloud', /full URL/],
    ['not a url', /full URL/],
    ['ftp://example.com', /https:\/\/ or http:\/\//],
    ['javascript:alert(1)', /https:\/\/ or http:\/\//],
  ])('refuses %j', (url, message) => {
    expect(convexUrlError(url)).toMatch(message);
  });
});
