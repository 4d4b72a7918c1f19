import path from 'node:path';

/** The unpacked test build of the extension. */
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3-test');
/** The same test build without `unlimitedStorage`, so a test can give it a storage quota. */
export const LIMITED_STORAGE_EXTENSION_DIR = path.resolve('.output/chrome-mv3-test-limited-storage');

/** Chromium flags that keep it quiet and off the internet (this machine has none). */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Chromium flags: load only Savepoint (or no extension at all, with `null`), quietly. */
export function chromiumArgs(extensionDir: string | null = EXTENSION_DIR): string[] {
  const extension = extensionDir
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : [];
  return [...extension, ...QUIET_CHROMIUM_ARGS];
}
