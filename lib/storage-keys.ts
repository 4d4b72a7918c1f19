import { browser } from 'wxt/browser';

/**
 * The `storage.local` keys of the items the popup's first screen reads before zod has loaded. lib/storage.ts
 * defines its items on these keys, with their schemas; this file holds no schema, so the first screen's scripts
 * carry none.
 */
export const STORAGE_KEYS = {
  settings: 'settings',
  watched: 'watchedDashboards',
  statuses: 'syncStatus',
  facts: 'workspaceFacts',
  storageHealth: 'storageHealth',
  drift: 'drift',
} as const;

type Key = keyof typeof STORAGE_KEYS;

/** The stored values of `keys` as they are, unchecked (undefined where nothing is stored): check them before use. */
export async function readUnchecked<K extends Key>(keys: K[]): Promise<Record<K, unknown>> {
  const stored = await browser.storage.local.get(keys.map((key) => STORAGE_KEYS[key]));
  return Object.fromEntries(keys.map((key) => [key, stored[STORAGE_KEYS[key]]])) as Record<K, unknown>;
}
