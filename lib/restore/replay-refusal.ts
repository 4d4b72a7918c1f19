import { isSaveRequest } from '../page/bridge/is-save-request';
import { LEFT_OUT } from '../capture/limits';
import type { CapturedRequest } from '../capture/snapshot';

/** Methods a restore may send: a save of settings, never a DELETE. */
const RESTORE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Body kinds a restore can send again as they were captured. */
const SENDABLE = new Set(['json', 'form', 'multipart', 'text']);

/**
 * Why a backup's save request must not be sent from the dashboard tab at `tabUrl`, or null when it may: only a
 * POST, PUT or PATCH, only to the tab's own origin, only to an address the dashboard's save rules accept (its save
 * pattern, not telemetry), never to an address that had a secret left out, and only a body that can be sent again.
 * A backup pulled from Convex or imported is data, not an instruction to send anything anywhere.
 */
export function replayRefusal(
  request: CapturedRequest | undefined,
  tabUrl: string,
  savePattern?: string,
): string | null {
  if (!request) return 'This backup has no save request to send again';
  if (!RESTORE_METHODS.has(request.method)) {
    return `Savepoint restores only through a save (POST, PUT or PATCH), not ${request.method}`;
  }
  let target: URL;
  let page: URL;
  try {
    page = new URL(tabUrl);
    target = new URL(request.url, page);
  } catch {
    return 'The saved request has no valid address';
  }
  if (target.origin !== page.origin) {
    return `The saved request goes to ${target.origin}, not to this dashboard (${page.origin})`;
  }
  if (decodeURIComponent(target.href.replace(/\+/g, ' ')).includes(LEFT_OUT)) {
    return 'The saved request address had a secret left out, so it cannot be sent again';
  }
  if (!isSaveRequest(request.method, target.href, page.href, savePattern)) {
    return `${request.method} ${target.pathname} is not a save this dashboard's rules accept`;
  }
  if (!SENDABLE.has(request.bodyKind) || request.body === undefined) {
    return 'The saved request body cannot be sent again';
  }
  return null;
}
