// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createBridgeGate, type BridgeGateOptions } from '../../../lib/page/bridge/bridge-gate';
import { PAGE_ORIGIN } from './fake-page';

const MINUTE = 60_000;
const NOW = Date.UTC(2025, 0, 1);

function validMessage(): Record<string, unknown> {
  return {
    source: 'savepoint-bridge',
    v: 1,
    kind: 'saved',
    via: 'fetch',
    method: 'POST',
    url: `${PAGE_ORIGIN}/api/settings`,
    status: 200,
    body: { kind: 'json', value: { theme: 'dark', alerts: [1, 2] } },
    at: 1,
  };
}

function event(data: unknown, init: MessageEventInit = {}): MessageEvent {
  return new MessageEvent('message', { data, origin: PAGE_ORIGIN, source: window, ...init });
}

function gate(options: Partial<BridgeGateOptions> = {}) {
  const clock = { now: NOW };
  const created = createBridgeGate({ pageOrigin: PAGE_ORIGIN, now: () => clock.now, ...options });
  return { gate: created, clock };
}

const withFields = (fields: Record<string, unknown>) => ({ ...validMessage(), ...fields });

describe('createBridgeGate', () => {
  it('accepts a well-formed save from its own window, dated by its own clock', () => {
    const { gate: g } = gate();
    expect(g.accept(event(validMessage()))).toEqual({ ...validMessage(), at: NOW });
    expect(g.stats()).toEqual({ accepted: 1, rejected: 0, rateLimited: 0 });
  });

  it('accepts a save to a sibling API subdomain, as the MAIN-side filter does', () => {
    const { gate: g } = gate();
    expect(g.accept(event(withFields({ url: 'https://api.example.com/v1/settings' })))).not.toBeNull();
  });

  it.each([
    ['another window', event(validMessage(), { source: null })],
    ['another origin', event(validMessage(), { origin: 'https://evil.io' })],
    ['version 2', event(withFields({ v: 2 }))],
    ['a restore command', event(withFields({ kind: 'restore' }))],
    ['a delete command', event(withFields({ kind: 'delete' }))],
    ['a settings change', event(withFields({ kind: 'settings', settings: { autoBackup: false } }))],
    ['an unknown via', event(withFields({ via: 'websocket' }))],
    ['a GET', event(withFields({ method: 'GET' }))],
    ['a lower-case method', event(withFields({ method: 'post' }))],
    ['a 500 status', event(withFields({ status: 500 }))],
    ['a fractional status', event(withFields({ status: 200.5 }))],
    ['a status given as text', event(withFields({ status: '200' }))],
    ['a non-string URL', event(withFields({ url: { href: `${PAGE_ORIGIN}/api` } }))],
    ['a third-party URL', event(withFields({ url: 'https://evil.io/api/settings' }))],
    ['an analytics URL', event(withFields({ url: `${PAGE_ORIGIN}/api/analytics` }))],
    ['an overlong URL', event(withFields({ url: `${PAGE_ORIGIN}/api/${'a'.repeat(9000)}` }))],
    ['a missing body', event(withFields({ body: undefined }))],
    ['an unknown body kind', event(withFields({ body: { kind: 'html', value: '<b>' } }))],
    ['an array body', event(withFields({ body: [] }))],
    ['a non-numeric time', event(withFields({ at: 'now' }))],
    ['an oversized body', event(withFields({ body: { kind: 'text', value: 'x'.repeat(300 * 1024) } }))],
  ])('drops and counts %s', (_, forged) => {
    const { gate: g } = gate();
    expect(g.accept(forged)).toBeNull();
    expect(g.stats()).toEqual({ accepted: 0, rejected: 1, rateLimited: 0 });
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['a message of another script', { type: 'react-devtools', source: 'react' }],
    [
      'an object whose every read throws',
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('hostile');
          },
        },
      ),
    ],
  ])("ignores %s without counting it: it is not the bridge's", (_, data) => {
    const { gate: g } = gate();
    expect(g.accept(event(data))).toBeNull();
    expect(g.stats()).toEqual({ accepted: 0, rejected: 0, rateLimited: 0 });
  });

  it('only accepts URLs matching the savePattern when one is given', () => {
    const { gate: g } = gate({ savePattern: '/api/settings*' });
    expect(g.accept(event(validMessage()))).not.toBeNull();
    expect(g.accept(event(withFields({ url: `${PAGE_ORIGIN}/api/profile` })))).toBeNull();
  });

  it('honours a smaller maxBytes', () => {
    const { gate: g } = gate({ maxBytes: 300 });
    expect(g.accept(event(withFields({ body: { kind: 'text', value: 'x'.repeat(400) } })))).toBeNull();
    expect(g.accept(event(validMessage()))).not.toBeNull();
  });
});

describe('createBridgeGate body sanitising', () => {
  it('strips __proto__, constructor and prototype keys without polluting prototypes', () => {
    const value = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},' +
        '"nested":[{"__proto__":{"polluted":true},"ok":1}],"prototype":1,"keep":"yes"}',
    );
    const { gate: g } = gate();
    const accepted = g.accept(event(withFields({ body: { kind: 'json', value } })));
    expect(accepted?.body.value).toEqual({ nested: [{ ok: 1 }], keep: 'yes' });
    const clean = accepted?.body.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
    expect(Object.keys(clean)).toEqual(['nested', 'keep']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.assign({}, clean)).not.toHaveProperty('polluted');
  });

  it('keeps only JSON data: drops dates, maps and functions, turns NaN into null', () => {
    const value = { when: new Date(0), map: new Map(), fn: () => 1, n: Number.NaN, ok: true };
    const { gate: g } = gate();
    expect(g.accept(event(withFields({ body: { kind: 'json', value } })))?.body.value).toEqual({
      n: null,
      ok: true,
    });
  });

  it.each([
    [
      'a cycle',
      () => {
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        return cyclic;
      },
    ],
    [
      'nesting deeper than 32 levels',
      () => {
        let deep: unknown = 'bottom';
        for (let level = 0; level < 40; level += 1) deep = [deep];
        return deep;
      },
    ],
    [
      'a shared-reference blow-up (2^40 paths)',
      () => {
        let node: unknown = 'leaf';
        for (let level = 0; level < 30; level += 1) node = { a: node, b: node };
        return node;
      },
    ],
    [
      'a getter that throws',
      () =>
        new Proxy(
          {},
          {
            ownKeys: () => {
              throw new Error('hostile');
            },
          },
        ),
    ],
  ])('drops a body value with %s, quickly and without throwing', (_, makeValue) => {
    const { gate: g } = gate();
    const started = performance.now();
    expect(g.accept(event(withFields({ body: { kind: 'json', value: makeValue() } })))).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('createBridgeGate rate limit', () => {
  it('accepts at most maxPerMinute of 1,000 forged messages sent in a burst and counts the rest', () => {
    const { gate: g } = gate();
    const accepted = Array.from({ length: 1_000 }, () => g.accept(event(validMessage()))).filter(Boolean);
    expect(accepted).toHaveLength(30);
    expect(g.stats()).toEqual({ accepted: 30, rejected: 0, rateLimited: 970 });
  });

  it('counts malformed messages against the same budget, so a flood of junk is cheap', () => {
    const { gate: g } = gate({ maxPerMinute: 5 });
    for (let i = 0; i < 100; i += 1) g.accept(event(withFields({ status: 'junk' })));
    expect(g.stats()).toEqual({ accepted: 0, rejected: 5, rateLimited: 95 });
  });

  it('refills the budget over time', () => {
    const { gate: g, clock } = gate({ maxPerMinute: 6 });
    for (let i = 0; i < 6; i += 1) g.accept(event(validMessage()));
    expect(g.accept(event(validMessage()))).toBeNull();
    clock.now += MINUTE / 6;
    expect(g.accept(event(validMessage()))).not.toBeNull();
    expect(g.accept(event(validMessage()))).toBeNull();
    clock.now += 10 * MINUTE;
    const refilled = Array.from({ length: 10 }, () => g.accept(event(validMessage()))).filter(Boolean);
    expect(refilled).toHaveLength(6);
  });
});
