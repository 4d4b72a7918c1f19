import type { Worker } from '@playwright/test';

/** The pattern the benchmark watches: the demo dashboard on any port, workspace from the first segment. */
export const BENCH_PATTERN = 'http://127.0.0.1:*/:workspace/*';

/**
 * Configures Savepoint as the options page would (as tests/support/extension-api.ts does) and waits until the bridge is
 * registered; returns the paths of the scripts every watched page gets: the bridge and the capture agent's file
 * (injected after the page's load, lib/background/create-agent-attacher.ts).
 */
export async function configureExtension(
  worker: Worker,
  setup: { convexUrl: string; accessKey: string },
): Promise<string[]> {
  await worker.evaluate(
    async ({ convexUrl, accessKey, pattern }) => {
      await chrome.storage.local.set({
        settings: { convexUrl, accessKey, retentionPerSection: 100_000, locked: [] },
        watchedDashboards: [{ id: 'bench', pattern, extraLeftOut: [], managed: false }],
      });
    },
    { ...setup, pattern: BENCH_PATTERN },
  );
  return worker.evaluate(async () => {
    for (let i = 0; i < 200; i += 1) {
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      if (scripts.length >= 1)
        return [...scripts.flatMap((script: { js?: string[] }) => script.js ?? []), 'capture.js'];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('Content scripts were not registered');
  });
}
