/**
 * Runs the work given to it one task at a time, in the order given. A task that fails rejects only its own
 * caller's promise: the next task runs all the same.
 */
export function createSerialQueue() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(() => work());
    // The next task waits for this one however it ends; a failure is reported to this task's caller only.
    last = run.catch(() => undefined);
    return run;
  };
}

/** Runs `work` after every task given before it has ended. */
export type SerialQueue = ReturnType<typeof createSerialQueue>;
