import type { JsonDelta, JsonPath } from './json-delta';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `later`'s keys are `earlier`'s in the same order, some of them gone, none added. */
function keptInOrder(earlier: string[], later: string[]): boolean {
  let at = 0;
  for (const key of later) {
    while (at < earlier.length && earlier[at] !== key) at++;
    if (at === earlier.length) return false;
    at++;
  }
  return true;
}

function walk(from: unknown, to: unknown, path: JsonPath, ops: JsonDelta): void {
  if (isObject(from) && isObject(to)) {
    const fromKeys = Object.keys(from);
    const toKeys = Object.keys(to);
    // An added or reordered member sets the object whole, so that applying the delta gives `to`'s member order
    // (and the same JSON text), not only an equal value.
    if (!keptInOrder(fromKeys, toKeys)) {
      ops.push([path, to]);
      return;
    }
    const kept = new Set(toKeys);
    for (const key of fromKeys) if (!kept.has(key)) ops.push([[...path, key]]);
    for (const key of toKeys) walk(from[key], to[key], [...path, key], ops);
    return;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    for (let i = 0; i < to.length; i++) walk(from[i], to[i], [...path, i], ops);
    return;
  }
  if (from !== to) ops.push([path, to]);
}

/**
 * The delta that turns JSON value `from` into `to` (both as `JSON.parse` gives them): objects are compared member
 * by member, arrays of equal length item by item, anything else is set whole where it differs.
 */
export function diffJson(from: unknown, to: unknown): JsonDelta {
  const ops: JsonDelta = [];
  walk(from, to, [], ops);
  return ops;
}
