import { isSaveMethod } from './bridge-protocol';
import { isSameSite, registrableDomain } from './is-same-site';
import { urlMatchesPattern } from './url-matches-pattern';

/** Words in a path segment or subdomain that mark analytics, telemetry, logging or beacon endpoints. */
const TELEMETRY_WORDS = new Set([
  'analytics',
  'collect',
  'track',
  'tracking',
  'telemetry',
  'metrics',
  'events',
  'log',
  'logs',
  'beacon',
  'beacons',
  'sentry',
  'rum',
]);

/**
 * True when a request looks like a settings save: POST/PUT/PATCH/DELETE to the page's own site (same origin or a
 * sibling subdomain), not analytics or telemetry, and matching `savePattern` when one is given.
 */
export function isSaveRequest(method: string, url: string, pageUrl: string, savePattern?: string): boolean {
  if (!isSaveMethod(method.toUpperCase())) return false;
  let target: URL;
  let page: URL;
  try {
    page = new URL(pageUrl);
    target = new URL(url, page);
  } catch {
    return false;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  if (!isSameSite(target, page) || isTelemetry(target)) return false;
  return !savePattern || urlMatchesPattern(target.href, savePattern, page.href);
}

function isTelemetry(url: URL): boolean {
  const site = registrableDomain(url.hostname);
  const subdomain = site ? url.hostname.slice(0, -site.length) : '';
  const words = `${subdomain}/${url.pathname}`.toLowerCase().split(/[/.\-_]+/);
  return words.some((word) => TELEMETRY_WORDS.has(word));
}
