import { sha256Hex } from './sha256-hex';
import type { Snapshot } from './snapshot';

/** Deepest nesting (levels) written out; deeper values become `"[Too deep]"`. */
export const MAX_CANONICAL_DEPTH = 64;
/** Values (items, members, holes of sparse arrays) written in one call (a snapshot body holds at most 10,000); the rest becomes `"[Too many values]"`. */
export const MAX_CANONICAL_NODES = 100_000;
/** Bytes of a binary value written out in hex; the rest is only counted, so a 10 MB buffer stays small. */
const MAX_BINARY_BYTES = 64;

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

function binary(value: ArrayBuffer | ArrayBufferView): string {
  const name = Object.prototype.toString.call(value).slice(8, -1);
  const shown = Math.min(value.byteLength, MAX_BINARY_BYTES);
  const bytes = ArrayBuffer.isView(value)
    ? new Uint8Array(value.buffer, value.byteOffset, shown)
    : new Uint8Array(value, 0, shown);
  return `[${name} ${value.byteLength} bytes ${hex(bytes)}]`;
}

function write(value: unknown, depth: number, path: Set<object>, budget: { nodes: number }): string {
  if (--budget.nodes < 0) return '"[Too many values]"';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value === 0 ? 0 : value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(`${value}n`);
    case 'function':
      return '"[Function]"';
    case 'symbol':
      return '"[Symbol]"';
    case 'undefined':
      return 'null';
  }
  if (value === null) return 'null';
  const object = value as object;
  if (path.has(object)) return '"[Circular]"';
  if (depth >= MAX_CANONICAL_DEPTH) return '"[Too deep]"';
  try {
    if (object instanceof Date)
      return Number.isNaN(object.getTime()) ? 'null' : JSON.stringify(object.toISOString());
    if (object instanceof ArrayBuffer || ArrayBuffer.isView(object)) return JSON.stringify(binary(object));
    path.add(object);
    try {
      if (Array.isArray(object)) {
        // An index loop, not map(): map skips the holes of a sparse array, which JSON writes as null.
        const items: string[] = [];
        for (let i = 0; i < object.length && budget.nodes > 0; i++)
          items.push(write(object[i], depth + 1, path, budget));
        return `[${items.join(',')}]`;
      }
      if (object instanceof Map) {
        const entries = [...object].map(
          ([k, v]) => `[${write(k, depth + 1, path, budget)},${write(v, depth + 1, path, budget)}]`,
        );
        return `{"[Map]":[${entries.sort().join(',')}]}`;
      }
      if (object instanceof Set) {
        return `{"[Set]":[${[...object]
          .map((item) => write(item, depth + 1, path, budget))
          .sort()
          .join(',')}]}`;
      }
      const record = object as Record<string, unknown>;
      const parts: string[] = [];
      // Object.keys lists an own `__proto__` key like any other; reading it returns the own value, never the prototype.
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        parts.push(`${JSON.stringify(key)}:${write(item, depth + 1, path, budget)}`);
      }
      return `{${parts.join(',')}}`;
    } finally {
      path.delete(object);
    }
  } catch {
    // A Proxy or throwing getter: record that something was there without trusting it.
    return '"[Unreadable]"';
  }
}

/**
 * JSON with sorted keys and no whitespace, equal for equal content. Safe on hostile input: cycles become
 * `"[Circular]"`, nesting past 64 `"[Too deep]"`, more than 100,000 values (sparse
 * array holes included) `"[Too many values]"`, -0 is 0, NaN/Infinity null; like JSON, undefined, functions and
 * symbols are dropped from objects (so an absent and an `undefined` optional field hash the same) and are null in
 * arrays; bigint, Date, Map, Set and binary values get a stable string form.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0, new Set(), { nodes: MAX_CANONICAL_NODES });
}

/**
 * Hash of what a snapshot says (type, each field's key, value and secret hash, the request body), not of where or
 * when it was taken: two identical saves hash the same, whatever the page URL or the order of fields on the page.
 */
export function contentHash(snapshot: Pick<Snapshot, 'type' | 'fields' | 'request'>): Promise<string> {
  const fields: Record<string, unknown> = {};
  for (const field of snapshot.fields) {
    Object.defineProperty(fields, field.key, {
      value: { value: field.value, secret: field.secret?.hash ?? null },
      enumerable: true,
      configurable: true,
    });
  }
  return sha256Hex(canonicalJson({ type: snapshot.type, fields, body: snapshot.request?.body ?? null }));
}
