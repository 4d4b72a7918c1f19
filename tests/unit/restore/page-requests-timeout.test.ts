// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readResource, sendSave } from '../../../lib/page/restore-agent/page-requests';

/** A dashboard page whose server never answers: its fetch settles only when it is aborted. */
function silentDashboard(): Window {
  const fetch = (_url: string, init: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
  return { location: window.location, document: window.document, fetch } as unknown as Window;
}

describe('a dashboard that never answers a restore', () => {
  it('a read of its settings gives up and counts as no answer (the report does not wait forever)', async () => {
    const answer = await readResource('/api/settings', silentDashboard(), 50);
    expect(answer).toEqual({ ok: false, status: 0 });
  });

  it('a save gives up and counts as no answer: whether it was kept is unknown', async () => {
    const save = { method: 'PUT', url: '/api/settings', bodyKind: 'json', body: { a: 1 }, tokenKeys: [] };
    expect(await sendSave(save, silentDashboard(), 50)).toEqual({ ok: false, status: 0 });
  });
});

describe('a read of a dashboard that asks its CSRF header of reads too (Syncthing answers 403 without it)', () => {
  it("sends the page's CSRF cookie echoed in its header, as the dashboard's own reads do", async () => {
    document.cookie = 'CSRF-Token-ABCDE=fresh-token';
    const seen: Headers[] = [];
    const fetch = async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return new Response('{"options":{}}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const win = { location: window.location, document: window.document, fetch } as unknown as Window;
    expect(await readResource('/rest/config', win)).toEqual({ ok: true, status: 200, body: { options: {} } });
    expect(seen[0]?.get('X-CSRF-Token-ABCDE')).toBe('fresh-token');
    expect(seen[0]?.get('Accept')).toBe('application/json');
  });
});
