import { LEFT_OUT, MAX_VALUE_CHARS, truncateValue } from './limits';
import { userRule, secretReasonForKey, secretReasonForNamedValue, secretReasonForValue } from './redact';

/** Values (object members, array items, scalars) walked in one body; the rest is dropped with a marker. */
export const MAX_BODY_NODES = 10_000;
/** Deepest nesting (levels) kept in a body; deeper values become `"[Too deep]"`. */
export const MAX_BODY_DEPTH = 32;
/** Characters of text kept across all strings of one body, so many large strings cannot add up. */
export const MAX_BODY_CHARS = 1_000_000;
/** Entries kept in `leftOut`; a body with more secrets than this is odd, and the list only informs the user. */
const MAX_LEFT_OUT = 200;
/** Path recorded when the whole body (a bare string or number) is a secret. */
const ROOT_PATH = '(body)';
const URL_ENCODED = /^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;

/** True for a text body that is really URL-encoded form data (`a=1&password=x`) sent as a plain string. */
export function isUrlEncoded(text: string): boolean {
  return text.length <= MAX_VALUE_CHARS && URL_ENCODED.test(text);
}

/** A request body with its secrets replaced by `"[left out]"`, and the paths of what was left out. */
export interface RedactedBody {
  body: unknown;
  leftOut: string[];
}

/** Adds an own property, even one named `__proto__`, without ever touching a prototype. */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isBinary(value: object): value is ArrayBuffer | ArrayBufferView | Blob {
  return (
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof Blob !== 'undefined' && value instanceof Blob)
  );
}

function byteSize(value: ArrayBuffer | ArrayBufferView | Blob): number {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? value.byteLength : value.size;
}

/** Entries of a form-like or map-like value as an object, a repeated name becoming an array. */
function entriesOf(value: {
  forEach: (fn: (v: unknown, k: unknown) => void) => void;
}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  value.forEach((item, name) => {
    const key = String(name);
    const previous = Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined;
    setOwn(
      out,
      key,
      previous === undefined ? item : Array.isArray(previous) ? [...previous, item] : [previous, item],
    );
  });
  return out;
}

/**
 * Copies a parsed request body (JSON value, form entries, FormData/URLSearchParams) with secrets replaced by
 * `"[left out]"`: values under secret-named keys (whole subtrees too), secret-looking values, keys that are
 * themselves secrets, anything on `extraLeftOut` (by key or by path such as `brain.apiKey`), and any string in
 * `secretValues` (the values of secret fields the page showed). Binary data
 * becomes `"[binary N bytes]"`; strings, total size and depth are capped. Never mutates its input; never throws.
 */
export function redactBody(
  body: unknown,
  extraLeftOut: readonly string[] = [],
  secretValues: ReadonlySet<string> = new Set(),
): RedactedBody {
  const leftOut = new Set<string>();
  let nodes = MAX_BODY_NODES;
  let chars = MAX_BODY_CHARS;
  const ancestors = new Set<object>();
  const isUserRule = userRule(extraLeftOut);

  const leave = (path: string) => {
    if (leftOut.size < MAX_LEFT_OUT) leftOut.add(path || ROOT_PATH);
    return LEFT_OUT;
  };

  const walk = (value: unknown, key: string | null, path: string, depth: number): unknown => {
    if (--nodes < 0) return '[Too many values]';
    if (key !== null && isUserRule([key, path])) return leave(path);
    if (value === null || value === undefined || typeof value === 'boolean') return value;
    if (typeof value === 'function' || typeof value === 'symbol') return undefined;
    if (typeof value === 'bigint') value = String(value);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null;
      const reason = key === null ? null : secretReasonForNamedValue(key, value);
      return reason ? leave(path) : value === 0 ? 0 : value;
    }
    if (typeof value === 'string') {
      if (secretValues.has(value)) return leave(path);
      const kept = truncateValue(value, Math.min(MAX_VALUE_CHARS, Math.max(chars, 0)));
      chars -= kept.length;
      const reason = key === null ? secretReasonForValue(kept) : secretReasonForNamedValue(key, kept);
      return reason ? leave(path) : kept;
    }
    const object = value as object;
    if (key !== null && secretReasonForKey(key)) return leave(path);
    if (ancestors.has(object)) return '[Circular]';
    if (depth >= MAX_BODY_DEPTH) return '[Too deep]';
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
    if (isBinary(object)) return `[binary ${byteSize(object)} bytes]`;
    ancestors.add(object);
    try {
      if (Array.isArray(object)) {
        const out: unknown[] = [];
        for (let i = 0; i < object.length && nodes > 0; i++) {
          out.push(walk(object[i], key, `${path}[${i}]`, depth + 1) ?? null);
        }
        return out;
      }
      const formLike =
        object instanceof Map ||
        object instanceof URLSearchParams ||
        (typeof FormData !== 'undefined' && object instanceof FormData);
      const source = formLike
        ? entriesOf(object as Map<unknown, unknown>)
        : (object as Record<string, unknown>);
      const out: Record<string, unknown> = {};
      let hidden = 0;
      for (const name of Object.keys(source)) {
        if (nodes <= 0) break;
        const childPath = path ? `${path}.${name}` : name;
        // A key can itself be a credential (a map keyed by token); it is renamed, never copied.
        const secretName = secretReasonForValue(name) !== null;
        const outName = secretName ? `${LEFT_OUT} ${++hidden}` : name;
        const child = secretName ? leave(childPath) : walk(source[name], name, childPath, depth + 1);
        if (child !== undefined) setOwn(out, outName, child);
      }
      return out;
    } catch {
      // A Proxy or a throwing getter: keep the shape of the rest of the body.
      return '[Unreadable]';
    } finally {
      ancestors.delete(object);
    }
  };

  let redacted: unknown;
  try {
    if (typeof body === 'string' && isUrlEncoded(body)) {
      const fields = walk(new URLSearchParams(body), null, '', 0) as Record<string, unknown>;
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) {
        for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
      }
      redacted = params.toString();
    } else {
      redacted = walk(body, null, '', 0);
    }
  } catch {
    redacted = '[Unreadable]';
  }
  return { body: redacted, leftOut: [...leftOut] };
}
