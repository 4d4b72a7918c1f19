import { useEffect, useState } from 'react';
import { readStorageHealth, storageHealthItem, type StorageHealth } from '../storage';

/** How the device's storage is doing (full: backups held outside the history; short: old ones pruned), live. */
export function useStorageHealth(): StorageHealth | null {
  const [health, setHealth] = useState<StorageHealth | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void readStorageHealth().then((next) => live && setHealth(next));
    load();
    const unwatch = storageHealthItem.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return health;
}
