import { ConvexError } from 'convex/values';

/** What a failed Convex call means for the outbox. */
export type SyncFailure =
  | { kind: 'auth'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'transient'; message: string; network?: true; timeout?: true };

function errorCode(error: unknown): { code: string; message: string } | null {
  if (!(error instanceof ConvexError)) return null;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return null;
  const message = 'message' in data ? String(data.message) : String(data.code);
  return { code: String(data.code), message };
}

/** Sorts an error into: the key is refused (stop), this entry is refused (quarantine later), or try again. */
export function classifyError(error: unknown): SyncFailure {
  const coded = errorCode(error);
  if (coded?.code === 'FORBIDDEN' && /does not cover workspace/.test(coded.message)) {
    // Convex names the key and what it covers; the user needs to know what fixes it (nothing is lost meanwhile).
    return {
      kind: 'auth',
      message:
        `${coded.message}. Backups wait on this device: add a key for this workspace in Options, ` +
        "or set the dashboard's workspace there to one the key covers",
    };
  }
  if (coded?.code === 'UNAUTHENTICATED' || coded?.code === 'FORBIDDEN') {
    return { kind: 'auth', message: `Access key rejected: ${coded.message}` };
  }
  if (coded?.code === 'INVALID' || coded?.code === 'TOO_LARGE')
    return { kind: 'invalid', message: coded.message };
  if (coded) return { kind: 'transient', message: coded.message };
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'transient', message: 'Convex did not answer in time', timeout: true };
  }
  if (/fetch|network|Failed to fetch|ECONNREFUSED/i.test(text)) {
    return { kind: 'transient', message: "Can't reach Convex", network: true };
  }
  return { kind: 'transient', message: text.slice(0, 300) || 'Unknown error' };
}
