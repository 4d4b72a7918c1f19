import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs, EXTENSION_DIR } from './chromium-args';
import { findChromium } from './find-chromium';
import { CONTROL_HEADERS, CONTROL_URL, DEMO_URL } from './ports';

export { EXTENSION_DIR, LIMITED_STORAGE_EXTENSION_DIR, chromiumArgs } from './chromium-args';

/** Starts Chromium with the extension on a profile folder (reuse the folder to restart the browser). */
export async function launchBrowser(
  profileDir: string,
  extensionDir: string = EXTENSION_DIR,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium().path,
    headless: true,
    args: chromiumArgs(extensionDir),
    viewport: { width: 1200, height: 900 },
  });
}

/** The extension's service worker, waiting for it to start when needed. */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  // Poll as well as listen: the worker may have started between a look and the start of listening.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [existing] = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
    if (existing) return existing;
    await context.waitForEvent('serviceworker', { timeout: 250 }).catch(() => undefined);
  }
  throw new Error("The extension's service worker did not start");
}

/** Resets the demo dashboard and the local Convex to a clean state. */
export async function resetServers(): Promise<void> {
  await fetch(`${DEMO_URL}/_test/reset`, { method: 'POST' });
  await fetch(`${CONTROL_URL}/control/reset`, { method: 'POST', headers: CONTROL_HEADERS });
}

interface Fixtures {
  profileDir: string;
  context: BrowserContext;
  extensionId: string;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'savepoint-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir }, use) => {
    await resetServers();
    const context = await launchBrowser(profileDir);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = await serviceWorker(context);
    await use(new URL(worker.url()).host);
  },
});

export const expect = test.expect;
