import { browser } from 'wxt/browser';
import { createBackupHold } from '../journal/create-backup-hold';
import { createJournal } from '../journal/create-journal';
import { followManagedPolicy } from '../managed/follow-managed-policy';
import { openJournal } from '../journal/open-journal';
import {
  journalVersionItem,
  readDrift,
  readInstall,
  readSettings,
  readStatuses,
  readStorageHealth,
  readWatched,
  type InstallInfo,
  type WatchedDashboard,
} from '../storage';
import { createConvexClient } from '../sync/convex-api';
import { createSyncEngine } from '../sync/create-sync-engine';
import { MINUTE, SECOND } from '../time';
import { createDriftKeeper } from './create-drift-keeper';
import { createBrowserAgentAttacher } from './create-agent-attacher';
import { createCaptureService } from './create-capture-service';
import { createHandlers, type FormPosts } from './create-handlers';
import { createRequestLedger } from './create-request-ledger';
import { createRestoreService } from './create-restore-service';
import { createReadCache } from './create-read-cache';
import { dispatchMessage } from './dispatch-message';
import { noteStorageHealth } from './note-storage-health';
import { createAnswerPages } from './create-answer-pages';
import { createFormPostTracker } from './form-post-tracker';
import { followStoredChanges } from './follow-stored-changes';
import { listenToRequests } from './listen-to-requests';
import { registerContentScripts } from './register-content-scripts';
import { restrictStorage } from './restrict-storage';
import { attachLoadsFor } from './attach-loads-for';
import { attachToOpenTabs } from './attach-to-open-tabs';
import { updateBadge } from './update-badge';

/** (minutes) between regular sync passes; also the backstop when a worker died before a retry (30 s minimum). */
const SYNC_PERIOD = 0.5;
/** (ms) between pulls of every known workspace from Convex, checked on the sync alarm. */
const PULL_PERIOD = MINUTE;
/** (ms) retries sooner than this run on a timer while the worker lives; the alarm covers the rest. */
const TIMER_RETRY_LIMIT = 25 * SECOND;
/** Backups removed at once when storage runs short. */
const PRUNE_BATCH = 50;
const ALARMS = { sync: 'savepoint-sync', retry: 'savepoint-retry' } as const;

/** Stored values the services read on every capture, kept in memory (create-read-cache.ts). */
interface KeptReads {
  watched: () => Promise<WatchedDashboard[]>;
  install: () => Promise<InstallInfo>;
}

async function createServices(reads: KeptReads) {
  const journal = createJournal(await openJournal());
  const hold = createBackupHold();
  const device = async () => (await reads.install()).deviceName;
  const onChange = () => {
    void journalVersionItem.setValue(Date.now()).catch(() => undefined);
    void Promise.all([readStatuses(), readDrift(), readStorageHealth()])
      .then(([statuses, drift, health]) =>
        updateBadge(statuses, Object.values(drift).filter((d) => d.changed > 0).length, health),
      )
      .catch(() => undefined);
  };
  // The badge follows storage health through storage.onChanged (below), like every other stored state.
  const noteStorage = (change: { held: number; pruned?: number }) => noteStorageHealth(change);
  const sync = createSyncEngine({
    journal,
    readSettings,
    createClient: (url) => createConvexClient(url),
    device,
    onChange,
    hold,
    noteStorage,
    scheduleRetry(at) {
      const delay = Math.max(0, at - Date.now());
      if (delay <= TIMER_RETRY_LIMIT) setTimeout(() => void sync.drain(), delay);
      void browser.alarms.create(ALARMS.retry, { when: Math.max(at, Date.now() + 30 * SECOND) });
    },
  });
  const drift = createDriftKeeper(journal);
  const capture = createCaptureService({
    journal,
    readSettings,
    readInstall: reads.install,
    afterRecord: (workspace, type) => {
      void drift.clearSection(workspace, type).finally(onChange);
      return sync.drain();
    },
    hold,
    noteStorage,
    async freeSpace() {
      let removed = 0;
      for (const record of await journal.oldestPrunable(PRUNE_BATCH)) {
        // Removing needs a little room too: stop at the first refusal and count what went.
        if (
          !(await journal.remove(record.id).then(
            () => true,
            () => false,
          ))
        )
          break;
        removed += 1;
      }
      console.warn(`Savepoint: storage is short, removed ${removed} old backups already safe in Convex`);
      return removed;
    },
  });
  const forms: FormPosts = createFormPostTracker(
    ({ snapshot, workspace }, tabId, redirected) => {
      capture
        .record(snapshot, workspace, 'auto', { tabId, redirected })
        .catch((error: unknown) => console.warn(error));
    },
    Date.now,
    createAnswerPages(),
    ({ snapshot, workspace }, tabId, status) => capture.refused(tabId, workspace, snapshot.type, status),
  );
  const restore = createRestoreService({
    journal,
    capture,
    readWatched: reads.watched,
    readSettings,
    device,
    salt: async () => (await reads.install()).salt,
  });
  const ledger = createRequestLedger();
  const handlers = createHandlers({ journal, sync, capture, restore, forms, ledger, drift, onChange, reads });
  return { journal, sync, capture, forms, ledger, handlers, onChange };
}

/** Making waiting backups due now is a write: when storage is full it fails, and the drain still runs. */
const warnNotDue = (error: unknown) =>
  console.warn('Savepoint: could not make waiting backups due now', error);

/** (ms) after a browser start or an update during which loading dashboard pages are checked for their scripts. */
const ATTACH_WINDOW = 60 * SECOND;

/** Registers the content scripts for the watched dashboards and gives their open tabs the scripts at once. */
async function registerAndAttach(): Promise<void> {
  const watched = await readWatched();
  await registerContentScripts(watched);
  await attachToOpenTabs(watched);
}

/** Wires the service worker: every listener is registered synchronously, work waits for the journal to open. */
export function startBackground(): void {
  // Before anything is stored: the access key and the salt stay out of content scripts' reach.
  void restrictStorage();
  // Every watched page's load and every capture read these: kept in memory, read again when they change.
  const watchedCache = createReadCache(readWatched);
  const installCache = createReadCache(() => readInstall());
  const ready = createServices({ watched: watchedCache.get, install: installCache.get });
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
  let lastPullAt = 0;
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARMS.sync || alarm.name === ALARMS.retry) withServices((s) => s.sync.drain());
    // Other devices' backups and admins' pins and deletes arrive without anyone opening the popup.
    if (alarm.name === ALARMS.sync && Date.now() - lastPullAt >= PULL_PERIOD) {
      lastPullAt = Date.now();
      withServices((s) => s.sync.pullAll());
    }
  });
  // A browser start or an install is a fresh chance: what waited for a backoff is retried now.
  const retryNow = async (s: Awaited<typeof ready>) => {
    // Pages that load before the browser has Savepoint's registered scripts (or kept an old version's) get them.
    attachLoadsFor(ATTACH_WINDOW);
    await s.journal.retryAllNow().catch(warnNotDue);
    await resume(s);
    await attachToOpenTabs(await readWatched());
  };
  browser.runtime.onInstalled.addListener(() => withServices(retryNow));
  browser.runtime.onStartup.addListener(() => withServices(retryNow));
  followStoredChanges({
    install: installCache.invalidate,
    watchedDashboards() {
      watchedCache.invalidate();
      withServices(registerAndAttach);
    },
    storageHealth: () => withServices((s) => s.onChange()),
    settings: () =>
      withServices(async (s) => {
        await s.journal.retryAllNow().catch(warnNotDue);
        await s.sync.drain(true);
      }),
  });
  browser.permissions.onAdded.addListener(() => withServices(registerAndAttach));
  browser.permissions.onRemoved.addListener(() =>
    withServices(async () => registerContentScripts(await readWatched())),
  );
  const attacher = createBrowserAgentAttacher(watchedCache.get);
  const warnAttach = (error: unknown) => console.warn('Savepoint: could not give a page its agent', error);
  listenToRequests(withServices, {
    documentArrived: (tabId, url) => void attacher.documentArrived(tabId, url).catch(warnAttach),
    requestSeen: (tabId, documentId) => void attacher.requestSeen(tabId, documentId).catch(warnAttach),
  });
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
