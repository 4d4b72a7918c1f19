import type { CapturedRequest } from '../capture/snapshot';
import type { Journal } from '../journal/create-journal';

/** Backups of a section looked through for the address, newest first. */
const LOOK_BACK = 50;

/** The address a request goes to from `base`, without its fragment; null when it has none. */
function addressOf(url: string, base: string): string | null {
  try {
    const parsed = new URL(url, base);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * True when this browser saw the dashboard save the section to this address itself: one of the section's own
 * backups captured here (not pulled from Convex, not imported), whose save request the browser confirmed as sent
 * and accepted, went to the same method and address. A backup's request address is data: without this, a crafted
 * import or pull could make a restore send the admin's session to another workspace's settings or to an action.
 */
export async function savedHereTo(
  journal: Pick<Journal, 'newestOfSection' | 'readSnapshot'>,
  workspace: string,
  type: string,
  request: Pick<CapturedRequest, 'method' | 'url'>,
  tabUrl: string,
): Promise<boolean> {
  const wanted = addressOf(request.url, tabUrl);
  if (!wanted) return false;
  const own = await journal.newestOfSection(
    workspace,
    type,
    LOOK_BACK,
    (record) => record.source === 'auto' && record.outbox !== 'remote',
  );
  for (const record of own) {
    const snapshot = await journal.readSnapshot(record.contentHash).catch(() => null);
    const sent = snapshot?.request;
    if (sent?.method === request.method && addressOf(sent.url, snapshot?.pageUrl ?? tabUrl) === wanted)
      return true;
  }
  return false;
}
