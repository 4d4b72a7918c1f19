/** `source` tag of every message the MAIN-world bridge posts to the isolated content script. */
export const BRIDGE_SOURCE = 'savepoint-bridge';
/** Version of the bridge message shape. */
export const BRIDGE_VERSION = 1;
/** Upper bound (bytes of UTF-8 JSON) of one bridge message; a larger body is sent as `{ kind: 'unread' }`. */
export const MAX_BRIDGE_MESSAGE_BYTES = 256 * 1024;
/** HTTP methods that can save settings. */
export const SAVE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type SaveMethod = (typeof SAVE_METHODS)[number];

/** True for an upper-case method that can save settings. */
export function isSaveMethod(method: string): method is SaveMethod {
  return (SAVE_METHODS as readonly string[]).includes(method);
}
/** How the page sent the request. */
export const BRIDGE_VIAS = ['fetch', 'xhr'] as const;
export type BridgeVia = (typeof BRIDGE_VIAS)[number];

/**
 * What `body.value` holds: `json` a parsed value, `form`/`multipart` an object of field name → value (an array when
 * a name repeats; a file is `{ file: name, size }`), `text` a string, `blob` only `{ type, size }` of a Blob that was
 * not text-like or too large to read, `none` no body, `unread` a body that could not be read without harm (streams,
 * binary buffers, a `Request` object, or a message that would be too large).
 */
export const BODY_KINDS = ['json', 'form', 'multipart', 'text', 'blob', 'none', 'unread'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface BridgeBody {
  kind: BodyKind;
  value?: unknown;
}

/** The only thing the page-side bridge can say: "this request was a save and the server answered 2xx". */
export interface BridgeMessage {
  source: typeof BRIDGE_SOURCE;
  v: typeof BRIDGE_VERSION;
  kind: 'saved';
  via: BridgeVia;
  method: SaveMethod;
  /** Absolute URL of the request. */
  url: string;
  /** HTTP status of the response, 200–299. */
  status: number;
  body: BridgeBody;
  /** When the response arrived (ms since the epoch). */
  at: number;
}

export type ReportFn = (message: BridgeMessage) => void;
export type IsSaveFn = (method: string, url: string) => boolean;

/** Size (bytes) of a value serialized as UTF-8 JSON; throws on cycles like `JSON.stringify`. */
export function jsonByteLength(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** Builds a bridge message, replacing a body that would make it exceed `maxBytes` by `{ kind: 'unread' }`. */
export function createBridgeMessage(
  fields: Pick<BridgeMessage, 'via' | 'method' | 'url' | 'status' | 'body'>,
  at: number,
  maxBytes = MAX_BRIDGE_MESSAGE_BYTES,
): BridgeMessage | null {
  const message: BridgeMessage = { source: BRIDGE_SOURCE, v: BRIDGE_VERSION, kind: 'saved', ...fields, at };
  if (jsonByteLength(message) <= maxBytes) return message;
  const unread: BridgeMessage = { ...message, body: { kind: 'unread' } };
  return jsonByteLength(unread) <= maxBytes ? unread : null;
}

/**
 * `source` tag of the one message the capture agent posts to the bridge once it listens: "send me the saves I
 * missed". The agent is given to a page after its load, so a save the page made before that (a save on load, or a
 * page its service worker served whose first request is the save) is kept by the bridge until the agent asks.
 */
export const AGENT_SOURCE = 'savepoint-agent';
/** (ms) how old a kept save may be when the agent asks for it; the background's ledger must still hold its request. */
export const REPLAY_WINDOW = 30_000;
/** Saves the bridge keeps for the agent at most (the newest). */
export const MAX_KEPT_SAVES = 10;

/** The agent's request for the kept saves. */
export const REPLAY_REQUEST = { source: AGENT_SOURCE, kind: 'replay' } as const;

/**
 * Whether a posted message carries `source` as its tag (and, when given, `kind`). Structured clone forbids getters,
 * but a throwing read of a hostile value still means "not ours".
 */
export function hasTag(data: unknown, source: string, kind?: string): boolean {
  try {
    if (!data || typeof data !== 'object') return false;
    const tagged = data as { source?: unknown; kind?: unknown };
    return tagged.source === source && (kind === undefined || tagged.kind === kind);
  } catch {
    return false;
  }
}

/** True for the agent's request for the kept saves (anyone in the page can post it: replays are only hints too). */
export function isReplayRequest(data: unknown): boolean {
  return hasTag(data, AGENT_SOURCE, REPLAY_REQUEST.kind);
}
