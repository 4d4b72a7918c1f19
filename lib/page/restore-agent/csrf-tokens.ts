/** Cookie names that carry a CSRF token a page echoes in a header (`XSRF-TOKEN`, `csrftoken`, `CSRF-Token-ABC12`). */
const CSRF_COOKIE = /^(x-)?(csrf|xsrf)|csrftoken$/i;
const CSRF_META =
  'meta[name="csrf-token"], meta[name="_csrf"], meta[name="csrf_token"], meta[name="xsrf-token"]';

/** The header a CSRF cookie is echoed in: `XSRF-TOKEN` → `X-XSRF-TOKEN`, Django's `csrftoken` → `X-CSRFToken`. */
function headerFor(cookie: string): string {
  if (cookie === 'csrftoken') return 'X-CSRFToken';
  return /^x-/i.test(cookie) ? cookie : `X-${cookie}`;
}

/**
 * Fresh CSRF tokens of the page the restore runs in, as request headers: its CSRF cookies echoed the way common
 * frameworks expect, and a `<meta name="csrf-token">` as `X-CSRF-Token`. The saved request never kept any.
 */
export function csrfHeaders(doc: Document): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of doc.cookie ? doc.cookie.split(/;\s*/) : []) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    if (at > 0 && CSRF_COOKIE.test(name) && /^[\w-]+$/.test(name)) {
      try {
        headers[headerFor(name)] = decodeURIComponent(pair.slice(at + 1));
      } catch {
        headers[headerFor(name)] = pair.slice(at + 1);
      }
    }
  }
  const meta = doc.querySelector<HTMLMetaElement>(CSRF_META)?.content;
  if (meta) headers['X-CSRF-Token'] = meta;
  return headers;
}

/** The page's current value for a token the saved body carried (a hidden input or meta of that name), or ''. */
export function pageToken(doc: Document, name: string): string {
  const escaped = name.replace(/["\\]/g, '\\$&');
  const input = doc.querySelector<HTMLInputElement>(`input[name="${escaped}"]`);
  return input?.value || doc.querySelector<HTMLMetaElement>(`meta[name="${escaped}"]`)?.content || '';
}
