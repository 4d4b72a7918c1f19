import { MINUTE } from '../../time';

/** (ms) how far back an identical write without user interaction makes the next one a poll. */
export const POLL_WINDOW = 5 * MINUTE;
/** Writes remembered at most (oldest forgotten first). */
const MAX_WRITES = 500;

/** The shape of a body: its top-level keys, so a poll that sends a new timestamp each time is still the same. */
function shapeOf(body: unknown): string {
  if (!body || typeof body !== 'object') return typeof body;
  return Array.isArray(body) ? 'array' : Object.keys(body).sort().join(',');
}

/**
 * Remembers recent writes of each tab to tell polling (the same write again and again with nobody at the page)
 * from saves. In memory only: it is a hint, and a worker that slept starts afresh.
 */
export function createWriteHistory(now: () => number = Date.now) {
  let writes: { key: string; at: number }[] = [];
  return {
    /** Notes a write; returns how many like it (same tab, method, URL and body shape) came before in the window. */
    note(tabId: number, method: string, url: string, body: unknown): number {
      const at = now();
      const key = `${tabId} ${method} ${url} ${shapeOf(body)}`;
      writes = writes.filter((write) => write.at >= at - POLL_WINDOW).slice(-MAX_WRITES);
      const repeats = writes.filter((write) => write.key === key).length;
      writes.push({ key, at });
      return repeats;
    },
  };
}
