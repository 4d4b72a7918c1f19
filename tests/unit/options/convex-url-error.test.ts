import { describe, expect, it } from 'vitest';
import { convexUrlError } from '../../../lib/options/convex-url-error';

describe('convexUrlError', () => {
  it.each([
    '',
    '   ',
    'https://happy-animal-123.convex.cloud',
    'http://127.0.0.1:3210',
    'http://localhost:3210',
    'http://[::1]:3210',
    ' https://x.convex.cloud/ ',
  ])('accepts %j', (url) => {
    expect(convexUrlError(url)).toBeNull();
  });

  it.each([
    ['happy-animal-123.convex.cloud', /full URL/],
    ['not a url', /full URL/],
    ['ftp://example.com', /https:\/\/ or http:\/\//],
    ['javascript:alert(1)', /https:\/\/ or http:\/\//],
    // Plain http would send the access key and every backup readable on the way (issue 13, item 9).
    ['http://convex.example.com', /https:\/\//],
    ['http://192.168.1.5:3210', /https:\/\//],
    ['http://localhost.evil.example', /https:\/\//],
    // The deployment's HTTP actions address (the README's curl examples) and the Convex dashboard's page are not
    // the address its functions answer on: say which one is.
    ['https://happy-animal-123.convex.site', /HTTP actions.*https:\/\/happy-animal-123\.convex\.cloud/],
    ['https://dashboard.convex.dev/t/ada/savepoint/happy-animal-123', /Convex dashboard.*\.convex\.cloud/],
  ])('refuses %j', (url, message) => {
    expect(convexUrlError(url)).toMatch(message);
  });
});
