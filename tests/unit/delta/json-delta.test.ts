import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyJsonDelta } from '../../../lib/delta/apply-json-delta';
import { composeJsonDeltas } from '../../../lib/delta/compose-json-deltas';
import { diffJson } from '../../../lib/delta/diff-json';
import { JsonDeltaError, parseJsonDelta, type JsonDelta } from '../../../lib/delta/json-delta';

/** Applies a delta to a copy, so the inputs stay as they were. */
function apply(value: unknown, delta: JsonDelta): unknown {
  return applyJsonDelta(structuredClone(value), structuredClone(delta));
}

describe('JSON delta', () => {
  it.each<[string, unknown, unknown, JsonDelta]>([
    ['equal values', { a: 1 }, { a: 1 }, []],
    ['a changed member', { a: 1, b: 'x' }, { a: 1, b: 'y' }, [[['b'], 'y']]],
    ['a removed member', { a: 1, b: 2 }, { a: 1 }, [[['b']]]],
    ['an added member sets the object whole', { a: 1 }, { a: 1, b: 2 }, [[[], { a: 1, b: 2 }]]],
    ['reordered members set the object whole', { a: 1, b: 2 }, { b: 2, a: 1 }, [[[], { b: 2, a: 1 }]]],
    ['an item of an array of equal length', [1, 2, 3], [1, 5, 3], [[[1], 5]]],
    ['an array of another length is set whole', { l: [1, 2] }, { l: [1] }, [[['l'], [1]]]],
    [
      'a deep field',
      { f: [{ v: 'a' }, { v: 'b' }] },
      { f: [{ v: 'a' }, { v: 'c' }] },
      [[['f', 1, 'v'], 'c']],
    ],
    ['another type', { a: { b: 1 } }, { a: [1] }, [[['a'], [1]]]],
    ['null', { a: null }, { a: 0 }, [[['a'], 0]]],
    ['the root', 1, 'one', [[[], 'one']]],
  ])('%s', (_name, from, to, delta) => {
    expect(diffJson(from, to)).toEqual(delta);
    expect(apply(from, delta)).toEqual(to);
  });

  it('rebuilds the same JSON text, member order included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const from: unknown = JSON.parse(JSON.stringify(a));
        const to: unknown = JSON.parse(JSON.stringify(b));
        expect(JSON.stringify(apply(from, diffJson(from, to)))).toBe(JSON.stringify(to));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a member named __proto__ a member', () => {
    const from: unknown = JSON.parse('{"__proto__":{"x":1},"a":1}');
    const to: unknown = JSON.parse('{"__proto__":{"x":2},"a":1}');
    const result = apply(from, diffJson(from, to)) as Record<string, unknown>;
    expect(JSON.stringify(result)).toBe('{"__proto__":{"x":2},"a":1}');
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('composes two deltas into one that does both', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (a, b, c) => {
        const [x, y, z] = [a, b, c].map((v): unknown => JSON.parse(JSON.stringify(v)));
        const composed = composeJsonDeltas(diffJson(x, y), diffJson(y, z));
        expect(JSON.stringify(apply(x, composed))).toBe(JSON.stringify(z));
      }),
      { numRuns: 300 },
    );
  });

  it('drops operations a later one overwrites', () => {
    expect(
      composeJsonDeltas(
        [
          [['a', 'b'], 1],
          [['c'], 2],
        ],
        [[['a'], {}]],
      ),
    ).toEqual([
      [['c'], 2],
      [['a'], {}],
    ]);
  });

  it.each<[string, unknown, JsonDelta]>([
    ['a missing member', { a: 1 }, [[['b', 'c'], 1]]],
    ['an index past the end', [1], [[[3], 1]]],
    ['a key into an array', [1], [[['x'], 1]]],
    ['removing an array item', [1], [[[0]]]],
    ['removing the root', {}, [[[]]]],
    ['a path through a value', { a: 1 }, [[['a', 'b'], 2]]],
  ])('refuses a delta that does not fit its base: %s', (_name, base, delta) => {
    expect(() => apply(base, delta)).toThrow(JsonDeltaError);
  });

  it.each(['not json', '{"a":1}', '[[1]]', '[["a"]]', '[[[-1]]]', '[[["a"],1,2]]'])(
    'refuses stored text that is not a delta: %s',
    (text) => {
      expect(() => parseJsonDelta(text)).toThrow(JsonDeltaError);
    },
  );
});
