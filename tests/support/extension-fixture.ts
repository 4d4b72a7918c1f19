import {
  test as base,
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs, EXTENSION_DIR, QUIET_CHROMIUM_ARGS } from './chromium-args';
import { findChromium } from './find-chromium';
import { CONTROL_HEADERS, CONTROL_URL, DEMO_URL } from './ports';

export { EXTENSION_DIR, LIMITED_STORAGE_EXTENSION_DIR, chromiumArgs } from './chromium-args';

/**
 * The tag of a test that closes its browser, starts it again on its profile or reloads the extension: it gets a
 * browser of its own, started with the extension as a user's is (in the shared browser, the extension the DevTools
 * protocol installed had no service worker after `chrome.runtime.reload()`). Put it in the test's title.
 */
export const OWN_BROWSER = '@own-browser';

const VIEWPORT = { width: 1200, height: 900 };

/** Starts Chromium with the extension on a profile folder (reuse the folder to restart the browser). */
export async function launchBrowser(
  profileDir: string,
  extensionDir: string = EXTENSION_DIR,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium().path,
    headless: true,
    args: chromiumArgs(extensionDir),
    viewport: VIEWPORT,
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

/**
 * One Chromium for the tests of a worker, with no extension of its own: each test installs Savepoint into it afresh
 * and removes it afterwards (what a new browser per test gave, without its 2 s start). Chrome deletes an extension's
 * storage, IndexedDB, alarms and permissions when it is removed; each test's copy has a folder, so an id, of its own,
 * so nothing a removal leaves to finish can reach the next test.
 */
interface SharedBrowser {
  context: BrowserContext;
  /** The browser's own DevTools session: installs and removes extensions. */
  cdp: CDPSession;
  /** The blank page the browser starts with, kept open between tests, with its DevTools session: clears storage. */
  keeper: { page: Page; cdp: CDPSession };
}

async function launchSharedBrowser(profileDir: string): Promise<SharedBrowser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium().path,
    headless: true,
    // Playwright disables extensions unless it is told otherwise; the DevTools protocol installs them only with
    // this switch.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...QUIET_CHROMIUM_ARGS, '--enable-unsafe-extension-debugging'],
    viewport: VIEWPORT,
  });
  const browser = context.browser();
  if (!browser) throw new Error('Chromium gave no browser for its persistent context');
  return { context, cdp: await browser.newBrowserCDPSession(), keeper: await keeperPage(context) };
}

async function keeperPage(context: BrowserContext): Promise<SharedBrowser['keeper']> {
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, cdp: await context.newCDPSession(page) };
}

/** Installs a fresh copy of the test build into the shared browser; the returned function removes it and all it left. */
async function installFresh(shared: SharedBrowser, copyDir: string): Promise<() => Promise<void>> {
  const { context, cdp } = shared;
  cpSync(EXTENSION_DIR, copyDir, { recursive: true });
  const { id } = (await cdp.send('Extensions.loadUnpacked', { path: copyDir }).catch((error: unknown) => {
    throw new Error(
      `Chromium did not install the test extension over the DevTools protocol (its Extensions domain, in recent Chromium versions): ${String(error)}`,
    );
  })) as { id: string };
  const origin = `chrome-extension://${id}`;

  // What the test reaches over the network, to clear after it: cookies, storage and caches of web origins.
  const origins = new Set<string>();
  const track = (request: { url(): string }): void => {
    const { protocol, origin: requested } = new URL(request.url());
    if (protocol === 'http:' || protocol === 'https:') origins.add(requested);
  };
  context.on('request', track);
  const listenersBefore = listenerSnapshot(context);

  return async () => {
    removeListenersAddedSince(context, listenersBefore);
    context.off('request', track);
    // What a test may set on the context (the specs set it on pages; a later one might not). An init script or an
    // exposed binding cannot be taken back: a test that needs one on the context needs a browser of its own.
    await context.setOffline(false);
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.clearPermissions();
    await context.setExtraHTTPHeaders({});
    await closeTestPages(shared);
    await cdp.send('Extensions.uninstall', { id });
    // Its service worker goes with it; the next test's `serviceWorker` must not find this one.
    const deadline = Date.now() + 10_000;
    while (context.serviceWorkers().some((w) => w.url().startsWith(origin))) {
      if (Date.now() > deadline) throw new Error(`The removed extension's service worker is still running`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // A tab the extension opened while it was being removed.
    await closeTestPages(shared);
    await context.clearCookies();
    // The browser's own session has no storage to clear: a page's has the browser's.
    for (const webOrigin of origins) {
      await shared.keeper.cdp.send('Storage.clearDataForOrigin', { origin: webOrigin, storageTypes: 'all' });
    }
    await shared.keeper.cdp.send('Network.clearBrowserCache');
  };
}

/** Closes every page but the keeper, which is left blank (and opened again if a test closed it). */
async function closeTestPages(shared: SharedBrowser): Promise<void> {
  const others = shared.context.pages().filter((page) => page !== shared.keeper.page);
  await Promise.all(others.map((page) => page.close().catch(() => undefined)));
  if (shared.keeper.page.isClosed()) shared.keeper = await keeperPage(shared.context);
  else if (shared.keeper.page.url() !== 'about:blank') await shared.keeper.page.goto('about:blank');
}

type Listener = (...args: unknown[]) => void;
type Listeners = Map<string | symbol, Listener[]>;

/** The listeners on the context now, by event: a test's own `context.on(…)` must not outlive it. */
function listenerSnapshot(context: BrowserContext): Listeners {
  const emitter = context as unknown as NodeJS.EventEmitter;
  return new Map(emitter.eventNames().map((name) => [name, emitter.listeners(name) as Listener[]]));
}

function removeListenersAddedSince(context: BrowserContext, before: Listeners): void {
  const emitter = context as unknown as NodeJS.EventEmitter;
  for (const name of emitter.eventNames()) {
    const kept = before.get(name) ?? [];
    for (const listener of emitter.listeners(name)) {
      if (!kept.includes(listener as Listener)) emitter.off(name, listener as Listener);
    }
  }
}

interface Fixtures {
  profileDir: string;
  context: BrowserContext;
  extensionId: string;
}

export const test = base.extend<Fixtures, { sharedBrowser: SharedBrowser }>({
  sharedBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'savepoint-shared-profile-'));
      const shared = await launchSharedBrowser(dir);
      await use(shared);
      await shared.context.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'savepoint-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir, sharedBrowser }, use, testInfo) => {
    await resetServers();
    if (testInfo.tags.includes(OWN_BROWSER)) {
      const context = await launchBrowser(profileDir);
      await use(context);
      await context.close();
      return;
    }
    const remove = await installFresh(sharedBrowser, path.join(profileDir, 'extension'));
    await use(sharedBrowser.context);
    await remove();
  },
  extensionId: async ({ context }, use) => {
    const worker = await serviceWorker(context);
    await use(new URL(worker.url()).host);
  },
});

export const expect = test.expect;
