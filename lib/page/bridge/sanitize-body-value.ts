/** Deepest nesting (levels) kept in a body value; deeper or cyclic values are refused. */
export const MAX_BODY_DEPTH = 32;

/** Keys that could reach an object's prototype when a value is later merged or assigned. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Copies a page-supplied value keeping only JSON data (plain objects, arrays, strings, finite numbers, booleans,
 * null) and dropping `__proto__`/`constructor`/`prototype` keys. Returns `undefined` when it is deeper than
 * `MAX_BODY_DEPTH` or needs more than `maxNodes` values (which also stops shared-reference blow-ups).
 */
export function sanitizeBodyValue(value: unknown, maxNodes: number): unknown {
  let budget = maxNodes;
  const copy = (node: unknown, depth: number): unknown => {
    if (--budget < 0 || depth > MAX_BODY_DEPTH) throw new RangeError('body value too large');
    if (node === null || typeof node === 'string' || typeof node === 'boolean') return node;
    if (typeof node === 'number') return Number.isFinite(node) ? node : null;
    if (Array.isArray(node)) return node.map((item) => copy(item, depth + 1) ?? null);
    if (typeof node !== 'object') return undefined;
    const proto: unknown = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== null) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      if (UNSAFE_KEYS.has(key)) continue;
      const item = copy((node as Record<string, unknown>)[key], depth + 1);
      if (item !== undefined) out[key] = item;
    }
    return out;
  };
  try {
    return copy(value, 0);
  } catch {
    return undefined;
  }
}
