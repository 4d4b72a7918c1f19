/** The Web Locks API where the context has it (service workers and extension pages do; Node's tests do not). */
interface LockManagerLike {
  request<T>(name: string, work: () => Promise<T>): Promise<T>;
}

/** Work waiting for each lock name in this context, when there is no Web Locks API to ask. */
const local = new Map<string, Promise<unknown>>();

/**
 * Runs `work` holding the lock `name`: one holder at a time across the extension's worker and pages (Web Locks
 * share an origin's locks between its contexts), or within this context where the API is missing.
 */
export function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (locks) return locks.request(name, work);
  const run = (local.get(name) ?? Promise.resolve()).then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  local.set(name, settled);
  void settled.then(() => {
    if (local.get(name) === settled) local.delete(name);
  });
  return run;
}
