// Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. MV3's promise
// API has the same shape as webextension-polyfill's `browser`, so its types describe it well enough for tests.
declare const chrome: typeof import('webextension-polyfill').default;
