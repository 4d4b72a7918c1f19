import type { Runtime } from 'webextension-polyfill';

/**
 * The browser's own runtime API, without webextension-polyfill: content scripts must stay small, and both
 * Firefox's `browser` and Chrome's MV3 `chrome` return promises from `sendMessage`.
 */
export function extensionRuntime(): Runtime.Static | undefined {
  const scope = globalThis as {
    browser?: { runtime?: Runtime.Static };
    chrome?: { runtime?: Runtime.Static };
  };
  return scope.browser?.runtime ?? scope.chrome?.runtime;
}
