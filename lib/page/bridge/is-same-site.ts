/**
 * Hosting suffixes where every subdomain belongs to a different owner, so siblings there are not "the same site".
 * A short stand-in for the Public Suffix List, which is too large for a content script.
 */
const SHARED_HOSTING_SUFFIXES = [
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'web.app',
  'firebaseapp.com',
  'appspot.com',
  'azurewebsites.net',
  'cloudfront.net',
  'amazonaws.com',
  'blogspot.com',
  'onrender.com',
  'fly.dev',
];

/** Second-level labels that, under a two-letter country code, form a public suffix (`co.uk`, `com.au`, …). */
const COUNTRY_SECOND_LEVELS = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or', 'go']);

const IP_HOST = /^\d+(\.\d+){3}$|^\[|:/;

/** True when two URLs share scheme and registrable domain (`app.example.com` and `api.example.com`). */
export function isSameSite(a: URL, b: URL): boolean {
  if (a.protocol !== b.protocol) return false;
  if (a.hostname === b.hostname) return true;
  const siteA = registrableDomain(a.hostname);
  return siteA !== null && siteA === registrableDomain(b.hostname);
}

/** The registrable domain of a host name, or null for IP addresses and single-label hosts like `localhost`. */
export function registrableDomain(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (IP_HOST.test(host) || !host.includes('.')) return null;
  const labels = host.split('.');
  const suffix = SHARED_HOSTING_SUFFIXES.find((shared) => host === shared || host.endsWith(`.${shared}`));
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const suffixLabels = suffix
    ? suffix.split('.').length
    : tld.length === 2 && COUNTRY_SECOND_LEVELS.has(second)
      ? 2
      : 1;
  if (labels.length <= suffixLabels) return null;
  return labels.slice(-suffixLabels - 1).join('.');
}
