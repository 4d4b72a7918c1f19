import { browser } from 'wxt/browser';
import { applyManagedPolicy } from './apply-managed-policy';
import { readManagedPolicy, TEST_POLICY_KEY } from './read-managed-policy';

/**
 * Applies the managed policy now and again whenever the administrator changes it (or, in the test build, the
 * harness rewrites its stand-in). Registers its listener synchronously, as a service worker must.
 */
export function followManagedPolicy(): void {
  // Runs one apply at a time: two interleaved read-merge-writes could resurrect a dashboard the other removed.
  let queue: Promise<void> = Promise.resolve();
  const apply = () => {
    queue = queue
      .then(async () => applyManagedPolicy(await readManagedPolicy()))
      .catch((error: unknown) => console.warn('Savepoint: could not apply the managed policy', error));
  };
  browser.storage.onChanged.addListener((changes, area) => {
    const testPolicy = import.meta.env.MODE === 'test' && area === 'local' && TEST_POLICY_KEY in changes;
    if (area === 'managed' || testPolicy) apply();
  });
  apply();
}
