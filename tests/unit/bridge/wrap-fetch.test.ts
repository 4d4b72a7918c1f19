import { describe, expect, it, vi } from 'vitest';
import type { BridgeMessage } from '../../../lib/page/bridge/bridge-protocol';
import { wrapFetch } from '../../../lib/page/bridge/wrap-fetch';
import { fakeWindow, settle } from './fake-page';

const SAVE_URL = 'https://app.example.com/api/settings';

function okResponse(status = 200): Response {
  const response = new Response(null, { status });
  vi.spyOn(response, 'clone');
  return response;
}

/** Wraps a fake fetch that records each call and answers with `answer`. */
function setup(answer: () => Promise<Response> = () => Promise.resolve(okResponse())) {
  const calls: { self: unknown; args: unknown[] }[] = [];
  const original = function fetch(this: unknown, ...args: unknown[]) {
    calls.push({ self: this, args });
    return answer();
  };
  const win = fakeWindow({ fetch: original });
  const report = vi.fn<(message: BridgeMessage) => void>();
  const isSave = vi.fn((_method: string, url: string) => !url.includes('/skip'));
  wrapFetch(win, report, isSave);
  return { win, calls, report, isSave, original };
}

const stream = () => new ReadableStream({ pull: (controller) => controller.close() });

describe('wrapFetch transparency', () => {
  const bodies: [string, () => unknown][] = [
    ['none', () => undefined],
    ['json string', () => '{"theme":"dark"}'],
    ['text string', () => 'theme=dark'],
    ['URLSearchParams', () => new URLSearchParams('theme=dark')],
    ['FormData', () => new FormData()],
    ['Blob', () => new Blob(['{}'], { type: 'application/json' })],
    ['ArrayBuffer', () => new ArrayBuffer(4)],
    ['Uint8Array', () => new Uint8Array(4)],
    ['ReadableStream', stream],
  ];

  it.each(bodies)(
    'calls the original once with the same this, input and init (%s body)',
    async (_, makeBody) => {
      const { win, calls } = setup();
      const input = new URL(SAVE_URL);
      const init = { method: 'POST', body: makeBody() } as RequestInit;
      await win.fetch.call(win, input, init);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.self).toBe(win);
      expect(calls[0]?.args).toHaveLength(2);
      expect(calls[0]?.args[0]).toBe(input);
      expect(calls[0]?.args[1]).toBe(init);
    },
  );

  it('calls the original synchronously, before any await', () => {
    const { win, calls } = setup();
    void win.fetch(SAVE_URL, { method: 'PUT', body: '{}' });
    expect(calls).toHaveLength(1);
  });

  it('passes the argument count through unchanged', async () => {
    const { win, calls } = setup();
    await win.fetch('/api/settings');
    expect(calls[0]?.args).toEqual(['/api/settings']);
  });

  it('resolves with the very same Response and never clones it', async () => {
    const response = okResponse();
    const { win, report } = setup(() => Promise.resolve(response));
    await expect(win.fetch(SAVE_URL, { method: 'POST', body: '{}' })).resolves.toBe(response);
    await settle();
    expect(report).toHaveBeenCalledOnce();
    expect(response.clone).not.toHaveBeenCalled();
    expect(response.bodyUsed).toBe(false);
  });

  it('rejects with the identical error, including AbortError', async () => {
    const abort = new DOMException('The user aborted a request.', 'AbortError');
    const { win, report } = setup(() => Promise.reject(abort));
    await expect(win.fetch(SAVE_URL, { method: 'POST', body: '{}' })).rejects.toBe(abort);
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('rethrows a synchronous throw of the original unchanged', () => {
    const error = new TypeError('Illegal invocation');
    const { win } = setup(() => {
      throw error;
    });
    expect(() => win.fetch(SAVE_URL, { method: 'POST' })).toThrow(error);
  });

  it('leaves a ReadableStream request body unlocked', async () => {
    const { win, report } = setup();
    const body = stream();
    await win.fetch(SAVE_URL, { method: 'POST', body, duplex: 'half' } as RequestInit);
    await settle();
    expect(body.locked).toBe(false);
    expect(report.mock.calls[0]?.[0].body).toEqual({ kind: 'unread' });
  });

  it('never clones or reads a Request object given as input', async () => {
    const { win, calls, report } = setup();
    const request = new Request(SAVE_URL, { method: 'PATCH', body: '{"a":1}' });
    const clone = vi.spyOn(request, 'clone');
    await win.fetch(request);
    await settle();
    expect(calls[0]?.args[0]).toBe(request);
    expect(clone).not.toHaveBeenCalled();
    expect(request.bodyUsed).toBe(false);
    expect(report.mock.calls[0]?.[0]).toMatchObject({
      method: 'PATCH',
      url: SAVE_URL,
      body: { kind: 'unread' },
    });
  });

  it('keeps a plausible name, length and toString', () => {
    const { win, original } = setup();
    expect(win.fetch.name).toBe('fetch');
    expect(win.fetch.length).toBe(original.length);
    expect(win.fetch.toString()).toBe(Function.prototype.toString.call(original));
  });
});

describe('wrapFetch reports', () => {
  it('reports a 2xx save with method, absolute URL, status and time', async () => {
    const { win, report } = setup(() => Promise.resolve(okResponse(201)));
    await win.fetch('/api/settings', { method: 'post', body: '{"theme":"dark"}' });
    await settle();
    expect(report).toHaveBeenCalledWith({
      source: 'savepoint-bridge',
      v: 1,
      kind: 'saved',
      via: 'fetch',
      method: 'POST',
      url: SAVE_URL,
      status: 201,
      body: { kind: 'json', value: { theme: 'dark' } },
      at: expect.any(Number),
    });
  });

  it.each([
    ['text', 'not json', { kind: 'text', value: 'not json' }],
    ['form', new URLSearchParams('a=1&a=2&b=3'), { kind: 'form', value: { a: ['1', '2'], b: '3' } }],
    ['ArrayBuffer', new ArrayBuffer(8), { kind: 'unread' }],
    ['typed array', new Uint8Array(8), { kind: 'unread' }],
    ['no body', undefined, { kind: 'none' }],
  ])('summarises a %s body', async (_, body, expected) => {
    const { win, report } = setup();
    await win.fetch(SAVE_URL, { method: 'PUT', body } as RequestInit);
    await settle();
    expect(report.mock.calls[0]?.[0].body).toEqual(expected);
  });

  it('summarises FormData, listing files by name and size', async () => {
    const form = new FormData();
    form.append('name', 'Acme');
    form.append('logo', new File(['12345'], 'logo.png', { type: 'image/png' }));
    const { win, report } = setup();
    await win.fetch(SAVE_URL, { method: 'POST', body: form });
    await settle();
    expect(report.mock.calls[0]?.[0].body).toEqual({
      kind: 'multipart',
      value: { name: 'Acme', logo: { file: 'logo.png', size: 5 } },
    });
  });

  it('reads a text-like Blob only after the response arrived', async () => {
    let answer!: (response: Response) => void;
    const { win, report } = setup(() => new Promise((resolve) => (answer = resolve)));
    const blob = new Blob(['{"x":1}'], { type: 'application/json' });
    const text = vi.spyOn(blob, 'text');
    const pending = win.fetch(SAVE_URL, { method: 'POST', body: blob });
    await settle();
    expect(text).not.toHaveBeenCalled();
    answer(okResponse());
    await pending;
    await vi.waitFor(() => expect(report.mock.calls[0]?.[0].body).toEqual({ kind: 'json', value: { x: 1 } }));
  });

  it('describes a binary Blob by type and size without reading it', async () => {
    const { win, report } = setup();
    const image = new Blob([new Uint8Array(3)], { type: 'image/png' });
    await win.fetch(SAVE_URL, { method: 'POST', body: image });
    await settle();
    expect(report.mock.calls[0]?.[0].body).toEqual({ kind: 'blob', value: { type: 'image/png', size: 3 } });
  });

  it('sends a body over 256 KB as unread', async () => {
    const { win, report } = setup();
    await win.fetch(SAVE_URL, { method: 'POST', body: JSON.stringify({ big: 'x'.repeat(300 * 1024) }) });
    await settle();
    expect(report.mock.calls[0]?.[0].body).toEqual({ kind: 'unread' });
  });

  it.each([
    ['a non-2xx response', () => Promise.resolve(okResponse(500))],
    ['a redirect-like 304', () => Promise.resolve(okResponse(304))],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('reports nothing for %s', async (_, answer) => {
    const { win, report } = setup(answer);
    await win.fetch(SAVE_URL, { method: 'POST', body: '{}' }).catch(() => undefined);
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('reports nothing for GETs or for requests the filter rejects', async () => {
    const { win, report, isSave } = setup();
    await win.fetch(SAVE_URL);
    await win.fetch('/skip/this', { method: 'POST', body: '{}' });
    await settle();
    expect(isSave).toHaveBeenCalledExactlyOnceWith('POST', 'https://app.example.com/skip/this');
    expect(report).not.toHaveBeenCalled();
  });

  it('survives a throwing report and filter: the page still gets its Response, one warning is logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const response = okResponse();
    const win = fakeWindow({ fetch: () => Promise.resolve(response) });
    wrapFetch(
      win,
      () => {
        throw new Error('report broke');
      },
      vi
        .fn<(method: string, url: string) => boolean>()
        .mockImplementationOnce(() => {
          throw new Error('filter broke');
        })
        .mockReturnValue(true),
    );
    await expect(win.fetch(SAVE_URL, { method: 'POST', body: '{}' })).resolves.toBe(response);
    await expect(win.fetch(SAVE_URL, { method: 'POST', body: '{}' })).resolves.toBe(response);
    await settle();
    expect(warn).toHaveBeenCalledOnce();
  });
});
