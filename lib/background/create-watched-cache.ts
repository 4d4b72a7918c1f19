import { readWatched, type WatchedDashboard } from '../storage';

/**
 * The watched dashboards, read from storage once and kept until they change (`invalidate`, called from
 * `storage.onChanged`): the service worker looks every watched page's URL up in them, and a storage read with its
 * validation on each page load was Savepoint's largest own cost in the worker's profile of a load. A failed read is
 * not kept.
 */
export function createWatchedCache(read: () => Promise<WatchedDashboard[]> = readWatched) {
  let kept: Promise<WatchedDashboard[]> | null = null;
  return {
    get(): Promise<WatchedDashboard[]> {
      const reading = (kept ??= read());
      reading.catch(() => {
        if (kept === reading) kept = null;
      });
      return reading;
    },
    invalidate(): void {
      kept = null;
    },
  };
}

export type WatchedCache = ReturnType<typeof createWatchedCache>;
