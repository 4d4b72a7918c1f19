import { isRecord } from '../capture/body-path';
import { LEFT_OUT } from '../capture/limits';

/**
 * A read of a section completed with the places its read never shows, taken from the body the dashboard last
 * sent (Node-RED's `GET /settings/user` leaves out the `telemetryEnabled` its save sends): what the browser last
 * sent is the best knowledge of them. The read wins wherever it shows a value; a left-out placeholder is never
 * taken. Without two objects to merge, the read as it is.
 */
export function withUnreadPlaces(read: unknown, sent: unknown): unknown {
  if (!isRecord(read) || !isRecord(sent)) return read;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(read)) {
    const known = Object.prototype.hasOwnProperty.call(sent, key) ? sent[key] : undefined;
    Object.defineProperty(out, key, {
      value: withUnreadPlaces(value, known),
      enumerable: true,
      writable: true,
    });
  }
  for (const [key, value] of Object.entries(sent)) {
    if (Object.prototype.hasOwnProperty.call(read, key) || key.startsWith(LEFT_OUT) || value === LEFT_OUT)
      continue;
    const copy = isRecord(value) ? withUnreadPlaces({}, value) : value;
    Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true });
  }
  return out;
}
