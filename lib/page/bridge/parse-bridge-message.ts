import { MAX_URL_CHARS } from '../../../convex/sharedLimits';
import {
  BODY_KINDS,
  BRIDGE_SOURCE,
  BRIDGE_VERSION,
  BRIDGE_VIAS,
  SAVE_METHODS,
  type BridgeMessage,
} from './bridge-protocol';

const oneOf = <T extends string>(options: readonly T[], value: unknown): value is T =>
  (options as readonly unknown[]).includes(value);

/**
 * Checks the shape of a page-supplied bridge message (hand-written: zod/mini would add ~5 KB gzipped to the content
 * script). Only `kind: 'saved'` exists; `body.value` is returned as is and must be sanitised by the caller.
 */
export function parseBridgeMessage(data: unknown): BridgeMessage | null {
  if (!data || typeof data !== 'object') return null;
  const { source, v, kind, via, method, url, status, body, at } = data as Record<string, unknown>;
  if (source !== BRIDGE_SOURCE || v !== BRIDGE_VERSION || kind !== 'saved') return null;
  if (!oneOf(BRIDGE_VIAS, via) || !oneOf(SAVE_METHODS, method)) return null;
  if (typeof url !== 'string' || url.length > MAX_URL_CHARS) return null;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 299) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const bodyKind = (body as Record<string, unknown>).kind;
  if (!oneOf(BODY_KINDS, bodyKind)) return null;
  const value = (body as Record<string, unknown>).value;
  return { source, v, kind, via, method, url, status, at, body: { kind: bodyKind, value } };
}
