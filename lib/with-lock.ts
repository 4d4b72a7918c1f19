import { createSerialQueue, type SerialQueue } from './create-serial-queue';

/** Where the context has no Web Locks API (as in the unit tests): one queue per lock name, kept for its life. */
const queues = new Map<string, SerialQueue>();

/**
 * Runs `work` holding the lock `name`: one holder at a time across the extension's worker and pages, which share
 * their origin's Web Locks, or within this context alone where the Web Locks API is missing.
 */
export async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: Pick<LockManager, 'request'> } | undefined)?.locks;
  // request() resolves with the value work's promise resolves to (its DOM type says the promise); returned from
  // this async function, either is awaited to that value.
  if (locks) return locks.request(name, work);
  let queue = queues.get(name);
  if (!queue) {
    queue = createSerialQueue();
    queues.set(name, queue);
  }
  return queue(work);
}
