import { useEffect, useState } from 'react';

/** A storage item that reports changes (WXT's `storage.defineItem`). */
interface Watchable {
  watch(callback: () => void): () => void;
}

/** Reads a stored value and follows its changes, whoever makes them (this page, the background, a policy). */
export function useStoredValue<T>(item: Watchable, read: () => Promise<T>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let active = true;
    const load = () => void read().then((next) => active && setValue(next));
    load();
    const unwatch = item.watch(load);
    return () => {
      active = false;
      unwatch();
    };
  }, [item, read]);
  return value;
}
