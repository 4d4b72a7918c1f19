import { JsonDeltaError, type JsonDelta, type JsonPath } from './json-delta';

type Container = Record<string, unknown> | unknown[];

function step(container: unknown, key: string | number, path: JsonPath): Container {
  const next = child(container, key, path);
  if (typeof next !== 'object' || next === null)
    throw new JsonDeltaError(`Nothing to change at ${show(path)}`);
  return next as Container;
}

function child(container: unknown, key: string | number, path: JsonPath): unknown {
  if (Array.isArray(container) && typeof key === 'number' && key < container.length) return container[key];
  if (isObject(container) && typeof key === 'string' && Object.prototype.hasOwnProperty.call(container, key))
    return container[key];
  throw new JsonDeltaError(`The delta's base has no ${show(path)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(path: JsonPath): string {
  return JSON.stringify(path);
}

/**
 * Applies a delta to `value` and returns the result. `value` is changed in place (pass a copy to keep it), and the
 * delta's values are used as they are, not copied. Throws a `JsonDeltaError` when an operation names a path the
 * value does not have, so a delta meant for another base is refused rather than half applied silently.
 */
export function applyJsonDelta(value: unknown, delta: JsonDelta): unknown {
  let root = value;
  for (const op of delta) {
    const [path] = op;
    if (path.length === 0) {
      if (op.length === 1) throw new JsonDeltaError('The delta removes the whole value');
      root = op[1];
      continue;
    }
    let container: unknown = root;
    for (let i = 0; i < path.length - 1; i++) container = step(container, path[i]!, path.slice(0, i + 1));
    const key = path[path.length - 1]!;
    if (op.length === 1) {
      child(container, key, path);
      if (!isObject(container)) throw new JsonDeltaError(`An array item cannot be removed at ${show(path)}`);
      delete container[key as string];
    } else if (Array.isArray(container)) {
      child(container, key, path);
      container[key as number] = op[1];
    } else if (isObject(container) && typeof key === 'string') {
      // defineProperty, not assignment: a member named `__proto__` must stay a member, not become the prototype.
      Object.defineProperty(container, key, {
        value: op[1],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      throw new JsonDeltaError(`Nothing to change at ${show(path)}`);
    }
  }
  return root;
}
