import { isRecord } from '../capture/body-path';

/**
 * The server's state cut to the top-level members the dashboard's own save sent: its read may show more (a computed
 * `apiKeySet`, read-only facts) than its save accepts. Nested values stay whole: a member the save sent is sent
 * with everything the server holds in it.
 */
export function likeSaved(start: unknown, saved: unknown): unknown {
  if (!isRecord(start) || !isRecord(saved)) return start;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(start)) {
    if (Object.prototype.hasOwnProperty.call(saved, key)) {
      Object.defineProperty(out, key, { value: start[key], enumerable: true, writable: true });
    }
  }
  return out;
}
