import { describe, expect, it } from 'vitest';
import { createRequestLedger } from '../../../lib/background/create-request-ledger';

const url = 'http://127.0.0.1:4400/api/workspaces/acme/settings/forge-real';
const bytes = (text: string) => ({ raw: [{ bytes: new TextEncoder().encode(text).buffer }] });
const genuine = { bodyKind: 'json', body: { forgeNote: 'real' } };
const swapped = { bodyKind: 'json', body: { forgeNote: 'swapped' } };

/** A ledger that saw one accepted PUT whose body was `{"forgeNote":"real"}`. */
function ledgerWithSave() {
  const ledger = createRequestLedger();
  ledger.sent('r1', 3, 'PUT', url, bytes('{"forgeNote":"real"}'), 0);
  ledger.saw(3, 'PUT', url, 200, 'r1');
  return ledger;
}

describe('createRequestLedger matches the reported body with what the browser sent', () => {
  it('refuses a report whose body differs from the bytes the browser sent (a swapped body)', async () => {
    const ledger = ledgerWithSave();
    expect(await ledger.claim(3, 'PUT', url, 0, swapped)).toBe(false);
    // The genuine report still gets its request.
    expect(await ledger.claim(3, 'PUT', url, 0, genuine)).toBe(true);
  });

  it('keeps the genuine report when a forged one comes first, whichever waits', async () => {
    const ledger = createRequestLedger();
    const forged = ledger.claim(3, 'PUT', url, 200, swapped);
    const real = ledger.claim(3, 'PUT', url, 200, genuine);
    ledger.sent('r1', 3, 'PUT', url, bytes('{ "forgeNote": "real" }'));
    ledger.saw(3, 'PUT', url, 200, 'r1');
    expect(await Promise.all([forged, real])).toEqual([false, true]);
  });

  it('treats a second report of one confirmed request as a conflict', async () => {
    const ledger = ledgerWithSave();
    expect(await ledger.claim(3, 'PUT', url, 0, genuine)).toBe(true);
    expect(await ledger.claim(3, 'PUT', url, 0, genuine)).toBe(false);
  });

  it('compares url-encoded and multipart bodies by their parsed form data', async () => {
    const ledger = createRequestLedger();
    ledger.sent('r2', 3, 'POST', url, { formData: { note: ['a'], tag: ['x', 'y'] } });
    ledger.saw(3, 'POST', url, 200, 'r2');
    expect(
      await ledger.claim(3, 'POST', url, 0, { bodyKind: 'form', body: { note: 'b', tag: ['x', 'y'] } }),
    ).toBe(false);
    expect(
      await ledger.claim(3, 'POST', url, 0, { bodyKind: 'form', body: { note: 'a', tag: ['x', 'y'] } }),
    ).toBe(true);
  });

  it('lets an unreadable body (a Request object) through, but two unverifiable reports of one request cancel out', async () => {
    const ledger = ledgerWithSave();
    const first = ledger.claim(3, 'PUT', url, 0, { bodyKind: 'unread' });
    const second = ledger.claim(3, 'PUT', url, 0, { bodyKind: 'unread' });
    expect(await Promise.all([first, second])).toEqual([false, false]);
    const alone = ledgerWithSave();
    expect(await alone.claim(3, 'PUT', url, 0, { bodyKind: 'unread' })).toBe(true);
  });

  it('lets an unreadable body through only for a request of the top frame', async () => {
    const ledger = createRequestLedger();
    // A same-origin about:blank frame's request: the bridge (top frame only) never reports it.
    ledger.sent('r3', 3, 'PUT', url, bytes('{"forgeNote":"real"}'), 4);
    ledger.saw(3, 'PUT', url, 200, 'r3');
    expect(await ledger.claim(3, 'PUT', url, 0, { bodyKind: 'unread' })).toBe(false);
    // A matching body is the frame's own request, whoever reports it.
    expect(await ledger.claim(3, 'PUT', url, 0, genuine)).toBe(true);
  });

  it('refuses a JSON report of a top-frame request the browser sent as form data', async () => {
    const ledger = createRequestLedger();
    ledger.sent('r4', 3, 'POST', url, { formData: { forgeNote: ['real'] } }, 0);
    ledger.saw(3, 'POST', url, 200, 'r4');
    expect(await ledger.claim(3, 'POST', url, 0, swapped)).toBe(false);
  });

  it('takes a JSON report of a body the browser did not show only for a top-frame request', async () => {
    // A Blob body, or any body of a page a service worker controls: webRequest shows none (e2e: capture.spec).
    const ledger = createRequestLedger();
    ledger.sent('r5', 3, 'PATCH', url, undefined, 2);
    ledger.saw(3, 'PATCH', url, 200, 'r5', 2);
    expect(await ledger.claim(3, 'PATCH', url, 0, swapped)).toBe(false);
    ledger.sent('r6', 3, 'PATCH', url, undefined, 0);
    ledger.saw(3, 'PATCH', url, 200, 'r6', 0);
    expect(await ledger.claim(3, 'PATCH', url, 0, swapped)).toBe(true);
  });

  it('a confirmation that fails (the page left before its read) does not let a report of an unshown body in', async () => {
    const ledger = createRequestLedger();
    ledger.sent('r7', 3, 'PUT', url, undefined, 0);
    ledger.saw(3, 'PUT', url, 200, 'r7', 0);
    const gone = () => Promise.reject(new Error('Frame with ID 0 was removed'));
    expect(await ledger.claim(3, 'PUT', url, 0, swapped, gone)).toBe(false);
  });

  it('a matching report takes the request from an unverifiable one still settling', async () => {
    const ledger = ledgerWithSave();
    const weak = ledger.claim(3, 'PUT', url, 0, { bodyKind: 'unread' });
    const strong = ledger.claim(3, 'PUT', url, 0, genuine);
    expect(await Promise.all([weak, strong])).toEqual([false, true]);
  });
});
