import type { JsonDelta, JsonPath } from './json-delta';

function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

/**
 * One delta doing what `first` then `then` do. Absolute operations compose by running in order; an operation is
 * left out when a later one sets or removes its path or a path above it, since its effect would be overwritten.
 */
export function composeJsonDeltas(first: JsonDelta, then: JsonDelta): JsonDelta {
  const all = [...first, ...then];
  const kept: JsonDelta = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const op = all[i]!;
    if (kept.some((later) => startsWith(op[0], later[0]))) continue;
    kept.push(op);
  }
  return kept.reverse();
}
