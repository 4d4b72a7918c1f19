import {
  MAX_BRIDGE_MESSAGE_BYTES,
  jsonByteLength,
  BRIDGE_SOURCE,
  hasTag,
  type BridgeMessage,
} from './bridge-protocol';
import { isSaveRequest } from './is-save-request';
import { parseBridgeMessage } from './parse-bridge-message';
import { sanitizeBodyValue } from './sanitize-body-value';

/** One minute (ms): the token bucket's refill period. */
const MINUTE = 60_000;

export interface BridgeGateOptions {
  /** Origin of the page the content script runs in (`location.origin`). */
  pageOrigin: string;
  /** Clock (ms since the epoch). */
  now: () => number;
  /** Messages accepted per minute, also the burst size. */
  maxPerMinute?: number;
  /** Largest accepted message (bytes of UTF-8 JSON). */
  maxBytes?: number;
  /** The watched dashboard's savePattern (URLPattern or `*` glob); only matching URLs are accepted. */
  savePattern?: string;
  /** The window whose own messages are accepted. */
  win?: Window;
}

export interface BridgeGateStats {
  accepted: number;
  /** Claimed to be from the bridge but malformed, forged for another purpose, foreign or too large. */
  rejected: number;
  /** Dropped because more arrived than `maxPerMinute`. */
  rateLimited: number;
}

export interface BridgeGate {
  /** Returns the validated, sanitised message, or null when it must be ignored. */
  accept(event: MessageEvent): BridgeMessage | null;
  stats(): BridgeGateStats;
}

/** Isolated-side gate for bridge messages, which the page can forge: validates, size-caps and rate-limits them. */
export function createBridgeGate({
  pageOrigin,
  now,
  maxPerMinute = 30,
  maxBytes = MAX_BRIDGE_MESSAGE_BYTES,
  savePattern,
  win = window,
}: BridgeGateOptions): BridgeGate {
  const stats: BridgeGateStats = { accepted: 0, rejected: 0, rateLimited: 0 };
  let tokens = maxPerMinute;
  let refilledAt = now();

  const takeToken = (): boolean => {
    const at = now();
    tokens = Math.min(maxPerMinute, tokens + ((at - refilledAt) * maxPerMinute) / MINUTE);
    refilledAt = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const validate = (data: unknown): BridgeMessage | null => {
    const message = parseBridgeMessage(data);
    if (!message) return null;
    if (!isSaveRequest(message.method, message.url, pageOrigin, savePattern)) return null;
    const body: BridgeMessage['body'] = { kind: message.body.kind };
    if (message.body.value !== undefined) {
      // Every JSON value costs at least one byte, so maxBytes bounds the number of values worth copying.
      body.value = sanitizeBodyValue(message.body.value, maxBytes);
      if (body.value === undefined) return null;
    }
    // The page's clock claim is not needed: the gate's own clock dates the save.
    const clean: BridgeMessage = { ...message, body, at: now() };
    return jsonByteLength(clean) <= maxBytes ? clean : null;
  };

  return {
    accept(event) {
      const data: unknown = event.data;
      if (!hasTag(data, BRIDGE_SOURCE)) return null; // Someone else's message: not ours to count.
      if (event.source !== win || event.origin !== pageOrigin) {
        stats.rejected += 1;
        return null;
      }
      // Rate-limit before the costly checks, so a flood of forgeries costs little.
      if (!takeToken()) {
        stats.rateLimited += 1;
        return null;
      }
      let message: BridgeMessage | null;
      try {
        message = validate(data);
      } catch {
        message = null; // A hostile getter or proxy threw: same as malformed.
      }
      if (message) stats.accepted += 1;
      else stats.rejected += 1;
      return message;
    },
    stats: () => ({ ...stats }),
  };
}
