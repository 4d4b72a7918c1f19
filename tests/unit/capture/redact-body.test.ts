import { describe, expect, it } from 'vitest';
import { LEFT_OUT, MAX_VALUE_CHARS, TRUNCATED_MARKER } from '../../../lib/capture/limits';
import { MAX_BODY_NODES, redactBody } from '../../../lib/capture/redact-body';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('redactBody', () => {
  it('leaves out secret keys and secret-looking values, listing their paths', () => {
    const body = {
      model: 'claude-3-5-sonnet',
      temperature: 0.7,
      maxTokens: 4096,
      brain: { apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345', note: JWT },
      users: [{ name: 'Ada', password: 'hunter2' }],
    };
    expect(redactBody(body)).toEqual({
      body: {
        model: 'claude-3-5-sonnet',
        temperature: 0.7,
        maxTokens: 4096,
        brain: { apiKey: LEFT_OUT, note: LEFT_OUT },
        users: [{ name: 'Ada', password: LEFT_OUT }],
      },
      leftOut: ['brain.apiKey', 'brain.note', 'users[0].password'],
    });
  });

  it('leaves out a whole object under a secret key', () => {
    expect(redactBody({ credentials: { user: 'a', pass: 'b' }, ok: true })).toEqual({
      body: { credentials: LEFT_OUT, ok: true },
      leftOut: ['credentials'],
    });
  });

  it('honours the user list by key or by path', () => {
    const { body, leftOut } = redactBody({ a: { internal: 'x', other: 'y' }, b: 'z' }, ['internal', 'b']);
    expect(body).toEqual({ a: { internal: LEFT_OUT, other: 'y' }, b: LEFT_OUT });
    expect(leftOut).toEqual(['a.internal', 'b']);
  });

  it('never mutates its input', () => {
    const input = { password: 'x', nested: { token: 'y' } };
    const copy = structuredClone(input);
    redactBody(input);
    expect(input).toEqual(copy);
  });

  it('keeps a __proto__ key as plain data', () => {
    const { body } = redactBody(JSON.parse('{"__proto__":{"polluted":1,"token":"t"},"a":1}'));
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(JSON.stringify(body)).toBe('{"__proto__":{"polluted":1,"token":"[left out]"},"a":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads form entries, URL-encoded text and FormData', () => {
    const form = Object.assign(Object.create(null), { user: 'ada', password: 'x', tags: ['a', 'b'] });
    expect(redactBody(form).body).toEqual({ user: 'ada', password: LEFT_OUT, tags: ['a', 'b'] });
    expect(redactBody('name=Ada&api_key=abc123&x=1')).toEqual({
      body: 'name=Ada&api_key=%5Bleft+out%5D&x=1',
      leftOut: ['api_key'],
    });
    const data = new FormData();
    data.append('token', 'abc');
    data.append('n', '1');
    expect(redactBody(data).body).toEqual({ token: LEFT_OUT, n: '1' });
  });

  it('turns binary data into a size and keys that are tokens into placeholders', () => {
    const { body, leftOut } = redactBody({ file: new Uint8Array(10), map: { [JWT]: true } });
    expect(body).toEqual({ file: '[binary 10 bytes]', map: { [`${LEFT_OUT} 1`]: LEFT_OUT } });
    // The path names the placeholder, not the key: `leftOut` is stored, and the key is the secret.
    expect(leftOut).toEqual([`map.${LEFT_OUT} 1`]);
  });

  it('caps long strings, node count, depth and cycles', () => {
    const long = redactBody({ text: 'word '.repeat(MAX_VALUE_CHARS) }).body as { text: string };
    expect(long.text.length).toBe(MAX_VALUE_CHARS);
    expect(long.text.endsWith(TRUNCATED_MARKER)).toBe(true);

    const many = redactBody(Array.from({ length: MAX_BODY_NODES * 2 }, (_, i) => i)).body as unknown[];
    expect(many.length).toBeLessThanOrEqual(MAX_BODY_NODES);

    let deep: unknown = 'x';
    for (let i = 0; i < 50; i++) deep = { d: deep };
    expect(JSON.stringify(redactBody(deep).body)).toContain('[Too deep]');

    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redactBody(cyclic).body).toEqual({ a: 1, self: '[Circular]' });
  });

  it('normalises non-JSON numbers and values', () => {
    expect(redactBody({ a: NaN, b: -0, c: 10n, d: undefined, e: () => 1 }).body).toEqual({
      a: null,
      b: 0,
      c: '10',
    });
  });
});
