import { useStoredValue } from '../options/use-stored-value';
import { readStorageHealth, storageHealthItem, type StorageHealth } from '../storage';

/** How the device's storage is doing (full: backups held outside the history; short: old ones pruned), live. */
export function useStorageHealth(): StorageHealth | null {
  return useStoredValue(storageHealthItem, readStorageHealth);
}
