import { browser } from 'wxt/browser';

/**
 * What the worker does when a stored value it depends on changes. Options, the popup, an administrator's policy
 * and the worker itself write them; the worker keeps some in memory (create-read-cache.ts) and must read them again.
 */
export interface StoredChangeHandlers {
  /** The salt and device name: captures and restores read them from memory. */
  install: () => void;
  /** The watched list: page loads, captures and the registered content scripts follow it. */
  watchedDashboards: () => void;
  /** Storage health: the badge shows it. */
  storageHealth: () => void;
  /** The Convex URL, access key or retention: waiting backups are tried again with them. */
  settings: () => void;
}

const KEYS = ['install', 'watchedDashboards', 'storageHealth', 'settings'] as const;

/** Calls the handler of each changed key of `storage.local`, once per change event. */
export function followStoredChanges(on: StoredChangeHandlers): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const key of KEYS) if (changes[key]) on[key]();
  });
}
