import { afterEach, describe, expect, it, vi } from 'vitest';
import { testConnection } from '../../../lib/background/test-connection';

const NOT_CONVEX = "Not a Convex deployment with Savepoint's functions";

/** Every request to the tested URL answers `body` with `status`, as a server that is not Convex would. */
function serverAnswers(status: number, body: string, type = 'text/html') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status, headers: { 'content-type': type } })),
  );
}

const test = () =>
  testConnection({ convexUrl: 'http://127.0.0.1:4410', accessKey: 'sp_some_key_0123456789' });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Test connection against a server that is not Convex', () => {
  it("says what the server's page says, without its markup", async () => {
    serverAnswers(404, '<!doctype html><title>Not found</title><p>No page at /api/action</p>');
    expect(await test()).toEqual({ ok: false, message: `${NOT_CONVEX} (Not found: No page at /api/action)` });
  });

  it('leaves out scripts and styles, decodes entities and keeps it short', async () => {
    serverAnswers(
      500,
      `<html><head><style>p { color: red }</style><script>var a = "<b>";</script></head>
       <body><h1>Oops &amp; sorry</h1><p>${'Something went wrong. '.repeat(20)}</p></body></html>`,
    );
    const { ok, message } = await test();
    expect(ok).toBe(false);
    expect(message).toMatch(new RegExp(`^${NOT_CONVEX} \\(Oops & sorry Something went wrong\\. .*…\\)$`));
    expect(message).not.toMatch(/[<>]|color|var a/);
    expect(message.length).toBeLessThanOrEqual(NOT_CONVEX.length + 125);
  });

  it('a web page served as a success does not quote the JSON parse error, and its markup with it', async () => {
    serverAnswers(200, '<!doctype html><title>Welcome</title><p>Our product</p>');
    const { ok, message } = await test();
    expect(ok).toBe(false);
    expect(message).toBe(`${NOT_CONVEX} (127.0.0.1:4410 answered, but not as Convex does)`);
  });

  it('says the server answered when its answer says nothing', async () => {
    serverAnswers(404, '');
    expect((await test()).message).toBe(`${NOT_CONVEX} (127.0.0.1:4410 answered, but not as Convex does)`);
  });

  it('keeps a plain text answer as it is', async () => {
    serverAnswers(404, 'Not Found', 'text/plain');
    expect((await test()).message).toBe(`${NOT_CONVEX} (Not Found)`);
  });
});

describe('Test connection against Savepoint on Convex', () => {
  it('names the key without the bidi controls its label holds, so it reads as what it is', async () => {
    serverAnswers(
      200,
      JSON.stringify({
        status: 'success',
        value: { role: 'admin', label: 'Ops \u202Egnp.exe', workspaces: ['acme'] },
        logLines: [],
      }),
      'application/json',
    );
    expect(await test()).toEqual({ ok: true, message: 'Connected: admin key "Ops gnp.exe" for "acme"' });
  });

  it.each([
    ['a role that is no role', { role: 'owner', label: 'k', workspaces: ['acme'] }],
    ['a label of 100,000 characters', { role: 'admin', label: 'k'.repeat(100_000), workspaces: ['acme'] }],
    ['workspaces that are not a list', { role: 'admin', label: 'k', workspaces: 'acme' }],
  ])('does not say "Connected" on an answer with %s', async (_, value) => {
    serverAnswers(200, JSON.stringify({ status: 'success', value, logLines: [] }), 'application/json');
    const result = await test();
    expect(result.ok).toBe(false);
    expect(result.message).toContain(NOT_CONVEX);
    expect(result.message.length).toBeLessThan(300);
  });
});
