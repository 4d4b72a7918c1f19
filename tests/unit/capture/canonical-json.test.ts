import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../../lib/capture/canonical-json';
import { sha256Hex } from '../../../lib/capture/sha256-hex';
import type { Snapshot } from '../../../lib/capture/snapshot';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('is equal for equal content built in any order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });

  it.each<[string, unknown, string]>([
    ['-0 as 0', -0, '0'],
    ['NaN as null', NaN, 'null'],
    ['Infinity as null', [Infinity, -Infinity], '[null,null]'],
    ['undefined dropped from objects, null in arrays', { a: undefined, b: [undefined] }, '{"b":[null]}'],
    ['functions and symbols dropped', { f: () => 1, s: Symbol('x'), k: 1 }, '{"k":1}'],
    ['bigint as a tagged string', { n: 10n }, '{"n":"10n"}'],
    ['a Date as ISO text', new Date(Date.UTC(2024, 0, 2)), '"2024-01-02T00:00:00.000Z"'],
    ['an invalid Date as null', new Date(NaN), 'null'],
    [
      'a Map by sorted entries',
      new Map<unknown, unknown>([
        ['b', 2],
        ['a', 1],
      ]),
      '{"[Map]":[["a",1],["b",2]]}',
    ],
    ['a Set sorted', new Set([2, 1]), '{"[Set]":[1,2]}'],
    ['a typed array by size and leading bytes', new Uint8Array([1, 255]), '"[Uint8Array 2 bytes 01ff]"'],
    ['an ArrayBuffer', new ArrayBuffer(3), '"[ArrayBuffer 3 bytes 000000]"'],
  ])('%s', (_name, value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it('keeps __proto__ and constructor keys as data without touching prototypes', () => {
    const hostile = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
    expect(canonicalJson(hostile)).toBe(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('marks cycles but not shared references', () => {
    const shared = { v: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    expect(canonicalJson(cyclic)).toBe('{"again":{"v":1},"self":"[Circular]","shared":{"v":1}}');
  });

  it('caps depth at 64', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(canonicalJson(deep)).toBe(`${'['.repeat(64)}"[Too deep]"${']'.repeat(64)}`);
  });

  it('survives a throwing getter', () => {
    const value = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(canonicalJson({ value })).toBe('{"value":"[Unreadable]"}');
  });
});

describe('sha256Hex', () => {
  it('matches the known digest of "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('contentHash', () => {
  const base: Snapshot = {
    type: 'bot-names',
    title: 'Bot names',
    pageUrl: 'https://dash.example.com/settings',
    trigger: { kind: 'fetch' },
    leftOut: [],
    fields: [
      {
        key: 'primaryName',
        label: 'Primary bot name',
        value: 'Ada',
        locator: { name: 'primaryName', inputType: 'text' },
      },
      {
        key: 'fallbackName',
        label: 'Fallback',
        value: 'Bob',
        locator: { name: 'fallbackName', inputType: 'text' },
      },
    ],
    request: { method: 'PUT', url: '/api/x', bodyKind: 'json', body: { primaryName: 'Ada' } },
  };

  it('is the same for the same save on another page, at another time, with fields in another order', async () => {
    const moved: Snapshot = {
      ...base,
      pageUrl: 'https://dash.example.com/other?t=2',
      title: 'Renamed',
      fields: [...base.fields].reverse(),
      trigger: { kind: 'manual' },
    };
    expect(await contentHash(moved)).toBe(await contentHash(base));
  });

  it('changes when a value, a secret hash or the body changes', async () => {
    const hash = await contentHash(base);
    const [first, second] = base.fields;
    const changedValue = { ...base, fields: [{ ...first!, value: 'Eve' }, second!] };
    const changedSecret = {
      ...base,
      fields: [first!, { ...second!, value: null, secret: { hash: 'h', reason: 'r' } }],
    };
    const changedBody = { ...base, request: { ...base.request!, body: { primaryName: 'Eve' } } };
    for (const other of [changedValue, changedSecret, changedBody])
      expect(await contentHash(other)).not.toBe(hash);
  });
});
