import { describe, expect, it } from 'vitest';
import { createRequestLedger, LEDGER_WINDOW } from '../../../lib/background/create-request-ledger';

const url = 'http://127.0.0.1:4400/api/workspaces/acme/settings/bot-names';

describe('createRequestLedger', () => {
  it('confirms a capture once per accepted request the browser saw', async () => {
    const ledger = createRequestLedger();
    ledger.saw(3, 'PUT', url, 200, undefined, 0);
    expect(await ledger.claim(3, 'PUT', url, 0)).toBe(true);
    expect(await ledger.claim(3, 'PUT', url, 0)).toBe(false);
  });

  it.each([
    ['a forged report with no request', () => undefined],
    ['a rejected request', (l: ReturnType<typeof createRequestLedger>) => l.saw(3, 'PUT', url, 500)],
    ['a request of another tab', (l: ReturnType<typeof createRequestLedger>) => l.saw(4, 'PUT', url, 200)],
    [
      'a request of a sub-frame (the bridge does not watch it)',
      (l: ReturnType<typeof createRequestLedger>) => l.saw(3, 'PUT', url, 200, 'r1', 2),
    ],
    [
      'a request of an unknown frame',
      (l: ReturnType<typeof createRequestLedger>) => l.saw(3, 'PUT', url, 200, 'r1'),
    ],
    ['another method', (l: ReturnType<typeof createRequestLedger>) => l.saw(3, 'POST', url, 200)],
    ['a GET', (l: ReturnType<typeof createRequestLedger>) => l.saw(3, 'GET', url, 200)],
  ])('refuses %s', async (_name, setup) => {
    const ledger = createRequestLedger();
    setup(ledger);
    expect(await ledger.claim(3, 'PUT', url, 0)).toBe(false);
  });

  it('waits briefly for a request the page reported before the browser did', async () => {
    const ledger = createRequestLedger();
    const claimed = ledger.claim(3, 'PUT', `${url}#ignored`, 1000);
    setTimeout(() => ledger.saw(3, 'PUT', url, 204, undefined, 0), 20);
    expect(await claimed).toBe(true);
  });

  it('forgets requests older than its window', async () => {
    let now = 0;
    const ledger = createRequestLedger(() => now);
    ledger.saw(3, 'PUT', url, 200, undefined, 0);
    now = LEDGER_WINDOW + 1;
    ledger.saw(3, 'PUT', `${url}/other`, 200, undefined, 0);
    expect(await ledger.claim(3, 'PUT', url, 0)).toBe(false);
  });
});
