import type { BrowserContext, Page } from '@playwright/test';
import { rebuildValue } from '../../lib/journal/body-chain';
import { isDeltaBody, type StoredBody } from '../../lib/journal/open-journal';
import { serviceWorker } from './extension-fixture';

interface Setup {
  convexUrl?: string;
  accessKey?: string;
  /** Dashboard URL patterns to watch. */
  watched?: string[];
  retentionPerSection?: number;
}

/** Configures the extension the way the options page would, and waits for the content scripts to be registered. */
export async function configureExtension(context: BrowserContext, setup: Setup): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate(async (s) => {
    const settings = {
      convexUrl: s.convexUrl ?? '',
      accessKey: s.accessKey ?? '',
      retentionPerSection: s.retentionPerSection ?? 200,
      locked: [],
    };
    const watchedDashboards = (s.watched ?? []).map((pattern, i) => ({
      id: `test-${i}`,
      pattern,
      extraLeftOut: [],
      managed: false,
    }));
    await chrome.storage.local.set({ settings, watchedDashboards });
  }, setup);
  if (setup.watched?.length) await contentScriptsRegistered(context);
}

/** Waits until the bridge is registered for the watched pages (after configuring, or after a browser start). */
export async function contentScriptsRegistered(context: BrowserContext): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate(async () => {
    for (let i = 0; i < 100; i += 1) {
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      if (scripts.length >= 1) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('Content scripts were not registered');
  });
}

/** Changes the extension's settings (as the options page does). */
export async function updateSettings(
  context: BrowserContext,
  change: Record<string, unknown>,
): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate(async (c) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), ...c } });
  }, change);
}

/** The tab id of a page, as the extension sees it. */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const worker = await serviceWorker(context);
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab: { url?: string }) => tab.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab shows ${url}`);
  return id;
}

/** A backup as the local journal holds it (the fields the tests look at). */
export interface JournalEntry {
  id: string;
  workspace: string;
  type: string;
  source: string;
  outbox: string;
  capturedAt: number;
  contentHash: string;
  label?: string;
  /** Failed tries to send it to Convex. */
  attempts: number;
  /** Fields that differ from the section's backup before it (null for the first), as the history says. */
  changedFields: number | null;
}

/** Every backup in the extension's local journal (IndexedDB), oldest first. */
export async function journalEntries(context: BrowserContext): Promise<JournalEntry[]> {
  const worker = await serviceWorker(context);
  return worker.evaluate(
    () =>
      new Promise<JournalEntry[]>((resolve, reject) => {
        const open = indexedDB.open('savepoint-journal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('backups')) {
            resolve([]);
            return;
          }
          const request = db.transaction('backups').objectStore('backups').getAll();
          request.onsuccess = () =>
            resolve((request.result as JournalEntry[]).sort((a, b) => a.capturedAt - b.capturedAt));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** The snapshot body of a journal entry, rebuilt from its deltas when it is stored as one. */
export async function journalSnapshot(context: BrowserContext, contentHash: string): Promise<unknown> {
  const worker = await serviceWorker(context);
  const bodies = await worker.evaluate(
    (hash) =>
      new Promise<StoredBody[]>((resolve, reject) => {
        const open = indexedDB.open('savepoint-journal');
        open.onsuccess = () => {
          const store = open.result.transaction('bodies').objectStore('bodies');
          const found: StoredBody[] = [];
          const next = (key: string) => {
            const request = store.get(key);
            request.onsuccess = () => {
              const body = request.result as StoredBody | undefined;
              if (!body) return reject(new Error(`No body ${key}`));
              found.push(body);
              if ('base' in body && found.length <= 1_000) next(body.base);
              else resolve(found);
            };
            request.onerror = () => reject(request.error);
          };
          next(hash);
        };
      }),
    contentHash,
  );
  const whole = bodies.at(-1);
  if (!whole || isDeltaBody(whole))
    throw new Error(`The body of ${contentHash} does not rest on a whole one`);
  return rebuildValue({ hash: contentHash, deltas: bodies.slice(0, -1).filter(isDeltaBody), whole });
}

/** The sync status the extension keeps for a workspace. */
export async function syncStatus(
  context: BrowserContext,
  workspace: string,
): Promise<Record<string, unknown> | null> {
  const worker = await serviceWorker(context);
  return worker.evaluate(async (w) => {
    const { syncStatus: all } = await chrome.storage.local.get('syncStatus');
    return ((all as Record<string, Record<string, unknown>> | undefined) ?? {})[w] ?? null;
  }, workspace);
}

/** Stops the extension's service worker, as Chrome does when it is idle; the next event starts it again. */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  for (const target of targetInfos) {
    if (target.type === 'service_worker' && target.url.startsWith('chrome-extension://')) {
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
    }
  }
  await cdp.detach();
}

/** The toolbar badge's text, as the user sees it. */
export async function badgeText(context: BrowserContext): Promise<string> {
  const worker = await serviceWorker(context);
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** A value of the extension's `storage.local`. */
export async function serviceWorkerStorage(context: BrowserContext, key: string): Promise<unknown> {
  const worker = await serviceWorker(context);
  return worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
}

/** Writes a small random record into a scratch database of the extension's origin; the error name or 'ok'. */
async function probeExtensionWrite(context: BrowserContext): Promise<string> {
  const worker = await serviceWorker(context);
  return worker.evaluate(async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(4096));
    const value = btoa(String.fromCharCode(...bytes));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('savepoint-test-quota-probe', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('probe');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    }).catch((error: unknown) => error as Error);
    if (db instanceof Error) return db.name;
    try {
      return await new Promise<string>((resolve) => {
        const tx = db.transaction('probe', 'readwrite', { durability: 'strict' });
        tx.objectStore('probe').put(value, 'probe');
        tx.oncomplete = () => resolve('ok');
        tx.onabort = () => resolve(tx.error?.name ?? 'AbortError');
      });
    } finally {
      db.close();
    }
  });
}

/**
 * Makes the extension's storage full, as a full disk would: a CDP quota override on its origin (the build must not
 * hold `unlimitedStorage`, which Chromium exempts). IndexedDB keeps trusting a quota answer it already had for up to
 * 30 s, so this waits until a write is really refused. `lift()` gives the space back (a refused write makes
 * IndexedDB ask again, so lifting takes effect at once).
 */
export async function fillExtensionStorage(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<{ lift: () => Promise<void> }> {
  const origin = `chrome-extension://${extensionId}`;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  const deadline = Date.now() + 40_000;
  for (let probe = await probeExtensionWrite(context); probe !== 'QuotaExceededError';) {
    if (Date.now() > deadline)
      throw new Error(`The quota override did not bite (a probe write gave ${probe})`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    probe = await probeExtensionWrite(context);
  }
  return {
    async lift() {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      while ((await probeExtensionWrite(context)) !== 'ok') {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      await cdp.detach();
    },
  };
}

/** Whether the page in `page` has a live Savepoint capture agent that listens for saves (asked in its world). */
export async function captureAgentListening(context: BrowserContext, page: Page): Promise<boolean> {
  const tabId = await tabIdOf(context, page);
  const worker = await serviceWorker(context);
  return worker.evaluate(async (id) => {
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: id, frameIds: [0] },
      func: () => {
        const mark = (globalThis as Record<symbol, unknown>)[Symbol.for('savepoint.capture.agent')] as
          ((() => boolean) & { listening?: boolean }) | undefined;
        return typeof mark === 'function' && mark() && mark.listening === true;
      },
    });
    return result?.result === true;
  }, tabId);
}
