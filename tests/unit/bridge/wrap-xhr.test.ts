// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeMessage } from '../../../lib/page/bridge/bridge-protocol';
import { wrapXhr } from '../../../lib/page/bridge/wrap-xhr';
import { FakeXhr, fakeServer } from './fake-xhr';
import { fakeWindow, settle } from './fake-page';

const SAVE_URL = 'https://app.example.com/api/settings';

/** A fresh fake XHR class per test, so patches never leak between tests. */
function setup(report = vi.fn<(message: BridgeMessage) => void>()) {
  class Xhr extends FakeXhr {}
  const originalSend = vi.spyOn(Xhr.prototype, 'send');
  const originalOpen = vi.spyOn(Xhr.prototype, 'open');
  const win = fakeWindow({ XMLHttpRequest: Xhr });
  wrapXhr(win, report, (_method, url) => !url.includes('/skip'));
  return { Xhr, report, originalSend, originalOpen };
}

/** Runs one request and returns what the page's own handlers saw, in order. */
async function pageRun(Xhr: typeof FakeXhr, body?: unknown): Promise<string[]> {
  const seen: string[] = [];
  const xhr = new Xhr();
  xhr.addEventListener('loadend', () => seen.push(`loadend:${xhr.readyState}:${xhr.status}`));
  xhr.onload = () => seen.push(`onload:${xhr.responseText}`);
  xhr.addEventListener('load', () => seen.push('load-listener'));
  xhr.open('POST', '/api/settings');
  seen.push(`send:${xhr.send(body)}`);
  await settle();
  return seen;
}

beforeEach(() => {
  fakeServer.status = 200;
});

describe('wrapXhr transparency', () => {
  it('calls the original open and send once with the same this and arguments, returning their result', () => {
    const { Xhr, originalOpen, originalSend } = setup();
    const xhr = new Xhr();
    const form = new FormData();
    xhr.open('PUT', '/api/settings', true);
    const result = xhr.send(form);
    expect(originalOpen).toHaveBeenCalledExactlyOnceWith('PUT', '/api/settings', true);
    expect(originalOpen.mock.contexts[0]).toBe(xhr);
    expect(originalSend).toHaveBeenCalledExactlyOnceWith(form);
    expect(originalSend.mock.contexts[0]).toBe(xhr);
    expect(result).toBe('original-send-result');
  });

  it("keeps the page's handlers, their order, readyState and responseText unchanged", async () => {
    const { Xhr } = setup();
    const wrapped = await pageRun(Xhr, '{}');
    const plain = await pageRun(FakeXhr, '{}');
    expect(wrapped).toEqual(plain);
    expect(wrapped).toEqual([
      'send:original-send-result',
      'load-listener',
      'onload:{"ok":true}',
      'loadend:4:200',
    ]);
  });

  it('throws exactly what the original open and send throw', () => {
    const { Xhr } = setup();
    const xhr = new Xhr();
    expect(() => xhr.open('BAD METHOD', '/x')).toThrow(SyntaxError);
    expect(() => xhr.send()).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
  });

  it('keeps name and length of open and send', () => {
    const { Xhr } = setup();
    expect(Xhr.prototype.open.name).toBe('open');
    expect(Xhr.prototype.send.name).toBe('send');
    expect(Xhr.prototype.send.length).toBe(FakeXhr.prototype.send.length);
  });

  it('survives a throwing report: the page sees its load, one warning is logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { Xhr } = setup(
      vi.fn(() => {
        throw new Error('report broke');
      }),
    );
    expect(await pageRun(Xhr, '{}')).toContain('loadend:4:200');
    await pageRun(Xhr, '{}');
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('wrapXhr reports', () => {
  it('reports a 2xx save once, after loadend, with its body summary', async () => {
    const { Xhr, report } = setup();
    const xhr = new Xhr();
    xhr.open('patch', '/api/settings');
    xhr.send('{"theme":"dark"}');
    expect(report).not.toHaveBeenCalled();
    await settle();
    expect(report).toHaveBeenCalledExactlyOnceWith({
      source: 'savepoint-bridge',
      v: 1,
      kind: 'saved',
      via: 'xhr',
      method: 'PATCH',
      url: SAVE_URL,
      status: 200,
      body: { kind: 'json', value: { theme: 'dark' } },
      at: expect.any(Number),
    });
  });

  it('reports a synchronous XHR too', async () => {
    const { Xhr, report } = setup();
    const xhr = new Xhr();
    xhr.open('POST', '/api/settings', false);
    xhr.send(new URLSearchParams('a=1'));
    await settle();
    expect(report.mock.calls[0]?.[0].body).toEqual({ kind: 'form', value: { a: '1' } });
  });

  it.each([
    ['a 500 response', 'POST', '/api/settings', 500],
    ['a 0 status (network error or abort)', 'POST', '/api/settings', 0],
    ['a GET', 'GET', '/api/settings', 200],
    ['a URL the filter rejects', 'POST', '/skip/me', 200],
  ])('reports nothing for %s', async (_, method, url, status) => {
    fakeServer.status = status;
    const { Xhr, report } = setup();
    const xhr = new Xhr();
    xhr.open(method, url);
    xhr.send('{}');
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('reports each send of a reused XHR once, even after a send that threw', async () => {
    const { Xhr, report } = setup();
    const xhr = new Xhr();
    xhr.open('POST', '/api/settings');
    xhr.send('{"n":1}');
    await settle();
    expect(() => xhr.send('{"n":2}')).toThrow();
    xhr.open('POST', '/api/settings');
    xhr.send('{"n":3}');
    await settle();
    expect(report.mock.calls.map(([message]) => message.body.value)).toEqual([{ n: 1 }, { n: 3 }]);
  });
});
