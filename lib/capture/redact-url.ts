import { LEFT_OUT, MAX_URL_CHARS } from './limits';
import { secretReasonForNamedValue, secretReasonForValue, userRule } from './redact';

/** Base for parsing relative request URLs; never part of the result. */
const RELATIVE_BASE = 'http://relative.invalid';

/**
 * Value reasons strong enough to cut a URL part. Random-looking path parts and query values are usually ids a
 * replayed request needs (`/workspaces/k57f…`), so the entropy rule alone does not cut them.
 */
function strongReason(value: string): boolean {
  const reason = secretReasonForValue(value);
  return reason !== null && reason !== 'value:high-entropy';
}

/** A URL with credentials, secret-named or secret-looking query/fragment parameters and token path parts left out. */
export function redactUrl(
  url: string,
  extraLeftOut: readonly string[] = [],
): { url: string; leftOut: string[] } {
  const leftOut: string[] = [];
  let parsed: URL;
  try {
    parsed = new URL(url, RELATIVE_BASE);
  } catch {
    return { url: url.slice(0, MAX_URL_CHARS), leftOut };
  }
  const isUserRule = userRule(extraLeftOut);
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
    leftOut.push('url:credentials');
  }
  parsed.pathname = parsed.pathname
    .split('/')
    .map((part) => {
      if (strongReason(decodeSafely(part))) {
        leftOut.push('url:path');
        return encodeURIComponent(LEFT_OUT);
      }
      return redactPathParams(part, () => leftOut.push('url:path'));
    })
    .join('/');
  const redactParams = (params: URLSearchParams, where: string): boolean => {
    let changed = false;
    for (const [key, value] of [...params]) {
      const reason = secretReasonForNamedValue(key, value);
      if (value && (isUserRule([key]) || (reason && (reason.startsWith('key:') || strongReason(value))))) {
        params.set(key, LEFT_OUT);
        leftOut.push(`url${where}${key}`);
        changed = true;
      }
    }
    return changed;
  };
  const query = new URLSearchParams(parsed.search);
  if (redactParams(query, '?')) parsed.search = query.toString();
  // OAuth implicit flows put `#access_token=…` in the fragment.
  if (parsed.hash.includes('=')) {
    const fragment = new URLSearchParams(parsed.hash.slice(1));
    if (redactParams(fragment, '#')) parsed.hash = fragment.toString();
  }
  const text = parsed.origin === RELATIVE_BASE ? parsed.href.slice(RELATIVE_BASE.length) : parsed.href;
  return { url: leftOut.length ? text.slice(0, MAX_URL_CHARS) : url.slice(0, MAX_URL_CHARS), leftOut };
}

/**
 * A path part with secret matrix parameters left out: `settings;jsessionid=…` (Java servlets put the session in
 * the path when cookies are off). `onLeftOut` is called once per parameter cut.
 */
function redactPathParams(part: string, onLeftOut: () => void): string {
  if (!part.includes(';')) return part;
  const [head, ...params] = part.split(';');
  const kept = params.map((param) => {
    const [name = '', ...rest] = param.split('=');
    const value = decodeSafely(rest.join('='));
    if (!value || !secretReasonForNamedValue(decodeSafely(name), value)) return param;
    onLeftOut();
    return `${name}=${encodeURIComponent(LEFT_OUT)}`;
  });
  return [head, ...kept].join(';');
}

function decodeSafely(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
