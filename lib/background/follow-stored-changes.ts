import { browser } from 'wxt/browser';
import type { StorageItemKey } from 'wxt/utils/storage';
import { installItem, settingsItem, storageHealthItem, watchedItem } from '../storage';

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

/** The storage item each handler follows, so that its key is spelled once, in storage.ts. */
const FOLLOWED: Record<keyof StoredChangeHandlers, { key: StorageItemKey }> = {
  install: installItem,
  watchedDashboards: watchedItem,
  storageHealth: storageHealthItem,
  settings: settingsItem,
};

/** An item's area and its key there, split as WXT does: `local:install` is `install` in `storage.local`. */
function splitKey(key: StorageItemKey): { area: string; key: string } {
  const colon = key.indexOf(':');
  return { area: key.slice(0, colon), key: key.slice(colon + 1) };
}

const FOLLOWED_KEYS = Object.entries(FOLLOWED).map(([name, item]) => ({
  name: name as keyof StoredChangeHandlers,
  ...splitKey(item.key),
}));

/**
 * Calls the handler of each followed item that a storage change event touches, once per event. One listener
 * rather than each item's `watch`, which also drops a write of a value equal to the old one: here every write
 * the browser reports reaches its handler.
 */
export function followStoredChanges(on: StoredChangeHandlers): void {
  browser.storage.onChanged.addListener((changes, area) => {
    for (const followed of FOLLOWED_KEYS) {
      if (area === followed.area && changes[followed.key]) on[followed.name]();
    }
  });
}
