/** Host names of this machine, where plain `http://` (a local or self-hosted Convex) sends nothing over a network. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Explains what is wrong with a Convex URL typed in the options page, or null when it can be saved (empty is "local only"). */
export function convexUrlError(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Enter a full URL, e.g. https://happy-animal-123.convex.cloud';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'The Convex URL must start with https:// or http://';
  // Over plain http the access key and every backup could be read and changed on the way.
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname))
    return 'The Convex URL must start with https:// (http:// is only for a Convex on this computer, e.g. http://127.0.0.1:3210)';
  // Both are what a user finds first in Convex's own pages, and neither answers the extension's calls.
  const site = /^([a-z0-9-]+)\.convex\.site$/i.exec(url.hostname);
  if (site)
    return `That is the deployment's HTTP actions URL; Savepoint needs its .convex.cloud URL: https://${site[1] ?? ''}.convex.cloud`;
  if (url.hostname === 'dashboard.convex.dev')
    return "That is the Convex dashboard; use the deployment's URL from its Settings, e.g. https://happy-animal-123.convex.cloud";
  return null;
}
