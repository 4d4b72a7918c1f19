import { browser } from 'wxt/browser';
import { createJournal } from '../journal/create-journal';
import { followManagedPolicy } from '../managed/follow-managed-policy';
import { openJournal } from '../journal/open-journal';
import {
  journalVersionItem,
  readDrift,
  readInstall,
  readSettings,
  readStatuses,
  readWatched,
} from '../storage';
import { createConvexClient } from '../sync/convex-api';
import { createSyncEngine } from '../sync/create-sync-engine';
import { SECOND } from '../time';
import { clearDriftSection } from './clear-drift';
import { createCaptureService } from './create-capture-service';
import { createHandlers, type FormPosts } from './create-handlers';
import { createRequestLedger } from './create-request-ledger';
import { createRestoreService } from './create-restore-service';
import { dispatchMessage } from './dispatch-message';
import { createFormPostTracker } from './form-post-tracker';
import { registerContentScripts } from './register-content-scripts';
import { updateBadge } from './update-badge';

/** (minutes) between regular sync passes; also the backstop when a worker died before a retry (30 s minimum). */
const SYNC_PERIOD = 0.5;
/** (ms) retries sooner than this run on a timer while the worker lives; the alarm covers the rest. */
const TIMER_RETRY_LIMIT = 25 * SECOND;
/** Backups removed at once when storage runs short. */
const PRUNE_BATCH = 50;
const ALARMS = { sync: 'savepoint-sync', retry: 'savepoint-retry' } as const;

async function createServices() {
  const journal = createJournal(await openJournal());
  const device = async () => (await readInstall()).deviceName;
  const onChange = () => {
    void journalVersionItem.setValue(Date.now()).catch(() => undefined);
    void Promise.all([readStatuses(), readDrift()])
      .then(([statuses, drift]) =>
        updateBadge(statuses, Object.values(drift).filter((d) => d.changed > 0).length),
      )
      .catch(() => undefined);
  };
  const sync = createSyncEngine({
    journal,
    readSettings,
    createClient: (url) => createConvexClient(url),
    device,
    onChange,
    scheduleRetry(at) {
      const delay = Math.max(0, at - Date.now());
      if (delay <= TIMER_RETRY_LIMIT) setTimeout(() => void sync.drain(), delay);
      void browser.alarms.create(ALARMS.retry, { when: Math.max(at, Date.now() + 30 * SECOND) });
    },
  });
  const capture = createCaptureService({
    journal,
    readSettings,
    readInstall: () => readInstall(),
    afterRecord: (workspace, type) => {
      void clearDriftSection(workspace, type).finally(onChange);
      void sync.drain();
    },
    async freeSpace() {
      const victims = await journal.oldestPrunable(PRUNE_BATCH);
      for (const record of victims) await journal.remove(record.id);
      console.warn(
        `Savepoint: storage is short, removed ${victims.length} old backups already safe in Convex`,
      );
      return victims.length;
    },
  });
  const forms: FormPosts = createFormPostTracker(({ snapshot, workspace }, tabId) => {
    capture.record(snapshot, workspace, 'auto', { tabId }).catch((error: unknown) => console.warn(error));
  });
  const restore = createRestoreService({ journal, capture, readWatched, readSettings, device });
  const ledger = createRequestLedger();
  const handlers = createHandlers({ journal, sync, capture, restore, forms, ledger, onChange });
  return { journal, sync, forms, ledger, handlers, onChange };
}

/** Wires the service worker: every listener is registered synchronously, work waits for the journal to open. */
export function startBackground(): void {
  const ready = createServices();
  // The administrator's policy (or the test build's stand-in) is merged into storage now and on every change.
  followManagedPolicy();
  const withServices = (work: (services: Awaited<typeof ready>) => unknown) =>
    void ready.then(work).catch((error: unknown) => console.error('Savepoint:', error));

  async function resume(services: Awaited<typeof ready>) {
    await browser.alarms.create(ALARMS.sync, { periodInMinutes: SYNC_PERIOD });
    await registerContentScripts(await readWatched());
    services.onChange();
    await services.sync.drain();
  }

  browser.runtime.onMessage.addListener((raw, sender) =>
    ready.then((services) => dispatchMessage(services.handlers, raw, sender)),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARMS.sync || alarm.name === ALARMS.retry) withServices((s) => s.sync.drain());
  });
  // A browser start or an install is a fresh chance: what waited for a backoff is retried now.
  const retryNow = async (s: Awaited<typeof ready>) => {
    await s.journal.retryAllNow();
    await resume(s);
  };
  browser.runtime.onInstalled.addListener(() => withServices(retryNow));
  browser.runtime.onStartup.addListener(() => withServices(retryNow));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changes.watchedDashboards) withServices(async () => registerContentScripts(await readWatched()));
    if (changes.settings) {
      withServices(async (s) => {
        await s.journal.retryAllNow();
        await s.sync.drain(true);
      });
    }
  });
  browser.permissions.onAdded.addListener(() =>
    withServices(async () => registerContentScripts(await readWatched())),
  );
  browser.permissions.onRemoved.addListener(() =>
    withServices(async () => registerContentScripts(await readWatched())),
  );
  const filter = { urls: ['<all_urls>'], types: ['main_frame' as const, 'sub_frame' as const] };
  // A form post's navigation answered (a redirect after the post, or the page itself): pair it with its submit.
  const answered = (details: { method: string; tabId: number; url: string; statusCode: number }) => {
    if (details.method === 'POST')
      withServices((s) => s.forms.answered(details.tabId, details.url, details.statusCode));
  };
  browser.webRequest.onBeforeRedirect.addListener(answered, filter);
  browser.webRequest.onCompleted.addListener(answered, filter);
  browser.webRequest.onErrorOccurred.addListener((details) => {
    if (details.method === 'POST') withServices((s) => s.forms.failed(details.tabId, details.url));
  }, filter);
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      if (details.tabId >= 0) {
        withServices((s) => s.ledger.saw(details.tabId, details.method, details.url, details.statusCode));
      }
      return undefined;
    },
    { urls: ['<all_urls>'], types: ['xmlhttprequest'] },
  );
  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'capture-now') return;
    withServices(async (s) => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined)
        await s.handlers['capture:now']({ tabId: tab.id, label: 'Keyboard shortcut' }, {});
    });
  });
  // Every start of the worker (install, browser start, or waking up) drains what a killed worker left behind.
  withServices(resume);
}
