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
