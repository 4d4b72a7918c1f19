/** First path segments that name a part of an app rather than a workspace. */
const COMMON_SEGMENTS = new Set([
  'app',
  'apps',
  'dashboard',
  'dashboards',
  'settings',
  'admin',
  'api',
  'account',
  'accounts',
  'console',
  'home',
  'manage',
  'preferences',
  'profile',
  'config',
]);

/** Container words whose next segment is the workspace, as in `/orgs/acme/settings`. */
const CONTAINER_SEGMENTS = new Set([
  'org',
  'orgs',
  'organizations',
  'team',
  'teams',
  'workspace',
  'workspaces',
]);

// A `:` or `*` inside a segment would read as a pattern group or wildcard.
function literal(segment: string): string {
  return segment.replace(/[:*]/g, '');
}

/**
 * A watch pattern proposed for a dashboard URL: any port, a workspace-looking first path segment (or the one after
 * `orgs/`, `teams/`, …) as `:workspace`, the rest of the path as a prefix. Null for anything but http(s).
 * `http://127.0.0.1:4400/acme/settings` → `http://127.0.0.1:*\/:workspace/settings*`.
 */
export function proposePattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const segments = parsed.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => literal(segment))
    .filter(Boolean);
  const first = segments[0]?.toLowerCase() ?? '';
  let path: string[];
  if (segments.length >= 3 && CONTAINER_SEGMENTS.has(first)) {
    path = [segments[0] as string, ':workspace', ...segments.slice(2)];
  } else if (segments.length >= 2 && !COMMON_SEGMENTS.has(first) && !CONTAINER_SEGMENTS.has(first)) {
    path = [':workspace', ...segments.slice(1)];
  } else {
    path = segments;
  }
  return `${parsed.protocol}//${parsed.hostname}:*/${path.join('/')}*`;
}
