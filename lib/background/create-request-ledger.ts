import { SECOND } from '../time';

/** (ms) a request seen by `webRequest` stays available to confirm a capture. */
export const LEDGER_WINDOW = 30 * SECOND;
/** (ms) a capture waits for its request to show up, since the page's report can overtake the browser's. */
export const CLAIM_WAIT = 3 * SECOND;
/** (ms) between two looks while waiting. */
const CLAIM_POLL = 10;

interface SeenRequest {
  tabId: number;
  method: string;
  url: string;
  status: number;
  at: number;
  claimed: boolean;
}

function normalize(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * The save requests the browser itself saw a tab make (from `webRequest`). A capture reported by a content script
 * must claim one of them, so a page that forges "this was saved" messages cannot create backups: each real,
 * accepted request confirms at most one capture.
 */
export function createRequestLedger(now: () => number = Date.now) {
  let seen: SeenRequest[] = [];

  function find(tabId: number, method: string, url: string): SeenRequest | undefined {
    const wanted = normalize(url);
    return seen.find(
      (entry) =>
        !entry.claimed &&
        entry.tabId === tabId &&
        entry.method === method &&
        entry.url === wanted &&
        entry.status >= 200 &&
        entry.status < 300,
    );
  }

  return {
    /** The browser received the response headers of a request. */
    saw(tabId: number, method: string, url: string, status: number) {
      if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
      const cutoff = now() - LEDGER_WINDOW;
      seen = seen.filter((entry) => entry.at >= cutoff);
      seen.push({ tabId, method, url: normalize(url), status, at: now(), claimed: false });
    },
    /** Claims the accepted request behind a capture, waiting briefly for it; false when there is none. */
    async claim(tabId: number, method: string, url: string, wait: number = CLAIM_WAIT): Promise<boolean> {
      const deadline = now() + wait;
      for (;;) {
        const entry = find(tabId, method, url);
        if (entry) {
          entry.claimed = true;
          return true;
        }
        if (now() >= deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL));
      }
    },
  };
}

export type RequestLedger = ReturnType<typeof createRequestLedger>;
