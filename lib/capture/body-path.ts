/** One step into a request body: an object member or an array index. */
export type PathSegment = string | number;

/**
 * A field key for a place in a request body, in the notation `redactBody` uses for left-out paths:
 * `editor.view.view-grid-size`, `rules[0].name`. A member name holding `.`, `[`, `]` or `\` is escaped with `\`.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const escaped = segment.replace(/[\\.[\]]/g, (c) => `\\${c}`);
      out += out ? `.${escaped}` : escaped;
    }
  }
  return out;
}

/** The segments of a key written by `formatPath`; null when the key is not in that notation. */
export function parsePath(key: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let name = '';
  let named = false;
  for (let i = 0; i < key.length; i++) {
    const c = key[i] as string;
    if (c === '\\') {
      if (i + 1 >= key.length) return null;
      name += key[++i];
      named = true;
    } else if (c === '.') {
      if (!named) return null;
      segments.push(name);
      name = '';
      named = false;
    } else if (c === '[') {
      const close = key.indexOf(']', i);
      const index = key.slice(i + 1, close);
      if (close < 0 || !/^\d+$/.test(index)) return null;
      if (named) segments.push(name);
      segments.push(Number(index));
      name = '';
      named = false;
      i = close;
      if (key[i + 1] === '.') i += 1;
      else if (i + 1 < key.length && key[i + 1] !== '[') return null;
    } else {
      name += c;
      named = true;
    }
  }
  if (named) segments.push(name);
  return segments.length ? segments : null;
}

/** A plain object (not an array, not null): a body's member map. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** The value at `segments` inside `body` (own members only), or undefined. */
export function getAtPath(body: unknown, segments: readonly PathSegment[]): unknown {
  let node: unknown = body;
  for (const segment of segments) {
    if (!isContainer(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Where a field key points in a body: its parsed path, else the key as one member name (`config[title]`). */
export function resolveKey(body: unknown, key: string): PathSegment[] | null {
  const parsed = parsePath(key);
  if (parsed && getAtPath(body, parsed) !== undefined) return parsed;
  return getAtPath(body, [key]) !== undefined ? [key] : null;
}

/** A copy of `body` with `value` at `segments`, creating objects on the way; never mutates `body`. */
export function setAtPath(body: unknown, segments: readonly PathSegment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [PathSegment, ...PathSegment[]];
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(body)
    ? [...(body as unknown[])]
    : isContainer(body)
      ? { ...(body as Record<string, unknown>) }
      : typeof head === 'number'
        ? []
        : {};
  const child = (copy as Record<string | number, unknown>)[head];
  Object.defineProperty(copy, head, {
    value: setAtPath(child, rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}
