import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs } from '../tests/support/chromium-args';
import { findChromium } from '../tests/support/find-chromium';
import { EXTENSION_DIR } from './build-extension';

/** A Chromium with its own throw-away profile; `close()` also deletes the profile. */
export interface BenchBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium on a fresh profile, with Savepoint loaded or (the baseline) without any extension. */
export async function launchChromium(withExtension: boolean): Promise<BenchBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'savepoint-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium().path,
    headless: true,
    args: chromiumArgs(withExtension ? EXTENSION_DIR : null),
    viewport: { width: 1200, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker, waiting for it to start when needed. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (found) return found;
    await context.waitForEvent('serviceworker', { timeout: 250 }).catch(() => undefined);
  }
  throw new Error("The extension's service worker did not start");
}
