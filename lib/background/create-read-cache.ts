/**
 * A stored value, read once and kept until it changes (`invalidate`, called from `storage.onChanged`). The service
 * worker looks every watched page's URL up in the watched list, and every capture needs the install's salt and
 * device name: a storage read with its validation each time was Savepoint's largest own cost in the worker's
 * profile of a page load, and 1.7 to 1.9 ms on each of a save's way to the journal. A failed read is not kept.
 */
export function createReadCache<T>(read: () => Promise<T>) {
  let kept: Promise<T> | null = null;
  return {
    get(): Promise<T> {
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

export type ReadCache<T> = ReturnType<typeof createReadCache<T>>;
