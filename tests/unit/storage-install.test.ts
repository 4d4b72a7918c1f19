import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installItem, readInstall } from '../../lib/storage';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readInstall on the first run', () => {
  it('gives every caller the one install it stores, however many ask at once', async () => {
    // Only the worker asks today, through one kept read; this is the guard for callers that might not share it.
    const installs = await Promise.all([readInstall(), readInstall(), readInstall()]);
    const stored = await installItem.getValue();
    expect(stored).not.toBeNull();
    for (const install of installs) expect(install).toEqual(stored);
  });

  it('creates it under the Web Lock savepoint-install where the context has Web Locks', async () => {
    const names: string[] = [];
    let held = Promise.resolve();
    // A stand-in for navigator.locks: one holder at a time, as the browser's lock manager does across contexts.
    const locks = {
      request: (name: string, work: () => Promise<unknown>) => {
        names.push(name);
        const run = held.then(work);
        held = run.then(
          () => undefined,
          () => undefined,
        );
        return run;
      },
    };
    vi.stubGlobal('navigator', { ...globalThis.navigator, userAgent: 'Chrome/140', locks });
    const installs = await Promise.all([readInstall(), readInstall()]);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['savepoint-install']));
    expect(installs[0]).toEqual(installs[1]);
  });

  it('reads a stored install without taking the lock', async () => {
    const install = { salt: '0123456789abcdef0123', deviceId: 'd', deviceName: 'Chromium on Linux' };
    await installItem.setValue(install);
    const request = vi.fn();
    vi.stubGlobal('navigator', { ...globalThis.navigator, locks: { request } });
    expect(await readInstall()).toEqual(install);
    expect(request).not.toHaveBeenCalled();
  });
});
