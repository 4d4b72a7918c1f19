import { browser } from 'wxt/browser';
import { finishSnapshot, type FinishOptions } from '../capture/finish-snapshot';
import { matchPostedForm } from '../capture/match-posted-form';
import type { Journal } from '../journal/create-journal';
import type { Handlers, Sender } from '../messaging';
import {
  readDrift,
  readInstall,
  readSettings,
  readStatuses,
  readWatched,
  writeWorkspaceFacts,
  type InstallInfo,
  type WatchedDashboard,
} from '../storage';
import type { SyncEngine } from '../sync/create-sync-engine';
import { isLocalOnly } from '../sync/is-local-only';
import { deleteRemote, pinRemote, setRetentionRemote } from '../sync/remote-admin-actions';
import type { CaptureService } from './create-capture-service';
import type { Snapshot } from '../capture/snapshot';
import type { createFormPostTracker } from './form-post-tracker';

/** The form-post tracker as the background uses it: each post carries its snapshot and workspace. */
export type FormPosts = ReturnType<typeof createFormPostTracker<{ snapshot: Snapshot; workspace: string }>>;
import type { createRestoreService } from './create-restore-service';
import type { RequestLedger } from './create-request-ledger';
import { collectSnapshots } from './collect-snapshots';
import { dashboardAt, dashboardInTab } from './dashboard-at';
import { contentPageUrl } from './sender-checks';
import { testConnection } from './test-connection';
import { importBundle } from '../journal/import-bundle';
import { classifyWrite } from '../page/bridge/classify-write';
import { createWriteHistory } from '../page/bridge/write-history';
import type { DriftKeeper } from './create-drift-keeper';
import { draftWriteFacts } from './draft-write-facts';
import type { PageResponse } from '../page/restore-agent/page-requests';
import { readInTab } from './apply-in-tab';
import { readConfirmsSave } from './read-confirms-save';
import { ignoreBackupRequest, isIgnored } from './ignore-backup-request';
import { remeasureDrift } from './remeasure-drift';

interface Deps {
  journal: Journal;
  sync: SyncEngine;
  capture: CaptureService;
  restore: ReturnType<typeof createRestoreService>;
  forms: FormPosts;
  ledger: RequestLedger;
  drift: DriftKeeper;
  onChange: () => void;
  /** The watched list and the install, as the worker keeps them (create-read-cache.ts); storage by default. */
  reads?: { watched: () => Promise<WatchedDashboard[]>; install: () => Promise<InstallInfo> };
  /** Reads a dashboard address from its tab with the user's session (apply-in-tab.ts by default). */
  readBack?: (tabId: number, url: string) => Promise<PageResponse>;
}

/** The workspace of a content script's page, or an error when the sender is not on a watched dashboard. */
async function senderWorkspace(sender: Sender, watched: () => Promise<WatchedDashboard[]>) {
  const found = await dashboardAt(contentPageUrl(sender), watched);
  if (!found) throw new Error('This page is not a watched dashboard');
  return { ...found, tabId: sender.tab?.id as number };
}

/** What finishing a draft from this dashboard's page needs: the install's salt and the dashboard's left-out list. */
async function finishOptions(
  dashboard: WatchedDashboard,
  install: () => Promise<InstallInfo>,
): Promise<FinishOptions> {
  return { salt: (await install()).salt, extraLeftOut: dashboard.extraLeftOut };
}

/** One handler per message of the contract. */
export function createHandlers(deps: Deps): Handlers {
  const writes = createWriteHistory();
  const { watched, install } = deps.reads ?? { watched: readWatched, install: () => readInstall() };
  const readBack = deps.readBack ?? readInTab;
  return {
    'content:config': async ({ refused }, sender) => {
      // The page a form post of this tab was answered with says whether the server sent the form back refused.
      const tabId = sender.tab?.id;
      if (refused !== undefined && tabId !== undefined) deps.forms.pageShown(tabId, refused);
      const found = await dashboardAt(contentPageUrl(sender), watched);
      if (!found) return { watched: false };
      return {
        watched: true,
        workspace: found.workspace,
        ...(found.dashboard.savePattern ? { savePattern: found.dashboard.savePattern } : {}),
      };
    },
    'capture:saved': async ({ draft }, sender) => {
      const { workspace, tabId, dashboard, url } = await senderWorkspace(sender, watched);
      const request = draft.request;
      if (request) {
        // A test, a preview, a ping, a poll, a body unrelated to the section: written, but not a settings save.
        const via = draft.trigger.kind === 'xhr' ? 'xhr' : 'fetch';
        const facts = draftWriteFacts(draft, { ...request, via }, url, dashboard.savePattern);
        const verdict = classifyWrite({
          ...facts,
          repeats: facts.interaction ? 0 : writes.note(tabId, request.method, request.url, request.body),
        });
        if (!verdict.save) return { dropped: verdict.reason };
        if (isIgnored(dashboard, request.method, request.url)) return { dropped: 'ignored' };
      }
      // The page can forge the bridge's report; only a request the browser saw it make, and accept, counts. The
      // draft's URL is the one the page sent, as the browser saw it (secrets are left out only below).
      // Its body too must be the one the browser sent: a forged report cannot swap the values of a real save.
      const body = { bodyKind: request?.bodyKind ?? 'none', body: request?.body };
      const snapshot = await finishSnapshot(draft, await finishOptions(dashboard, install));
      // A body the browser did not show is the page's word: the dashboard's read of the address must not belie it.
      // A read never made (status 0: the page left, or its agent gave no answer) bears nothing out, or a page
      // would forge its report and leave; an address the server does not read (404, 405) says nothing either way.
      const confirm = async () =>
        !snapshot.request ||
        (await readBack(tabId, snapshot.request.url).then(
          (answer) =>
            answer.status !== 0 && (!answer.ok || readConfirmsSave(answer.body, snapshot.request?.body)),
        ));
      if (
        !request ||
        !(await deps.ledger.claim(tabId, request.method.toUpperCase(), request.url, undefined, body, confirm))
      ) {
        throw new Error('No accepted save request matches this capture');
      }
      const { record, added } = await deps.capture.record(snapshot, workspace, 'auto', { tabId });
      return { id: record.id, added };
    },
    'capture:form-submitted': async ({ draft, action, method }, sender) => {
      const { workspace, tabId, dashboard, url } = await senderWorkspace(sender, watched);
      // The content script's rules again, here where the page cannot change them, and the words of item 3.
      const verdict = classifyWrite(
        draftWriteFacts(draft, { method, url: action, via: 'form' }, url, dashboard.savePattern),
      );
      if (!verdict.save) throw new Error(`This form post is not a settings save (${verdict.reason})`);
      if (isIgnored(dashboard, method, action)) throw new Error('This form post is ignored');
      const snapshot = await finishSnapshot(draft, await finishOptions(dashboard, install));
      // Counted only once the browser's own view of the post shows these values (form-post-tracker.ts).
      const fields = draft.section?.fields ?? [];
      deps.forms.submitted(tabId, action, { snapshot, workspace }, (sent) => matchPostedForm(fields, sent));
      return { pending: true };
    },
    'capture:drift': async ({ drafts }, sender) => {
      const { workspace, dashboard } = await senderWorkspace(sender, watched);
      const options = await finishOptions(dashboard, install);
      const snapshots = await Promise.all(drafts.map((draft) => finishSnapshot(draft, options)));
      const drift = await deps.drift.measure(workspace, snapshots);
      deps.onChange();
      return { changed: drift.changed };
    },
    'status:retry': async () => {
      // A write: when storage is full it fails, and the drain (which moves held backups in) must still run.
      await deps.journal.retryAllNow().catch((error: unknown) => console.warn('Savepoint:', error));
      void deps.sync.drain(true);
      return { ok: true };
    },
    'sync:pull': async ({ workspace }) => {
      // Chromium's worker hears no "online" event: the popup opening is the first sign that the network is back,
      // and what waited for it goes now instead of at the next alarm (the drain looks at the network first).
      const status = (await readStatuses())[workspace];
      if (status && status.state === 'offline' && !isLocalOnly(status)) void deps.sync.drain();
      const added = await deps.sync.pull(workspace);
      // Also when this pull found nothing new: the background's own pull may have brought them a moment before,
      // and the page still reads as changed against this device's older backup.
      if (added > 0 || ((await readDrift())[workspace]?.changed ?? 0) > 0) {
        void remeasureDrift(workspace, deps.drift, watched, async () => (await install()).salt)
          .then(deps.onChange)
          .catch((error: unknown) => console.warn('Savepoint:', error));
      }
      return { added };
    },
    'capture:now': async ({ tabId, label, note }) => {
      const found = await dashboardInTab(tabId, watched);
      if (!found) throw new Error('Open a watched dashboard page to capture it');
      const snapshots = await collectSnapshots(
        tabId,
        found,
        found.watched,
        async () => (await install()).salt,
      );
      for (const snapshot of snapshots) {
        await deps.capture.record(snapshot, found.workspace, 'manual', {
          ...(label ? { label } : {}),
          ...(note ? { note } : {}),
        });
      }
      const count = snapshots.length;
      return {
        captured: count,
        message: count
          ? `Captured ${count} ${count === 1 ? 'section' : 'sections'}`
          : 'No settings found on this page',
      };
    },
    'backup:pin': async ({ id, pinned }) => {
      // With Convex, only an admin key may pin (audited there); a refusal's reason reaches the popup.
      const record = await deps.journal.get(id);
      const device = (await install()).deviceName;
      if (record) {
        const settings = await readSettings();
        await pinRemote(settings, { workspace: record.workspace, clientBackupId: id, pinned, device });
      }
      await deps.journal.update(id, (current) => {
        const { pinnedBy: _previous, ...rest } = current;
        return { ...rest, pinned, ...(pinned ? { pinnedBy: device } : {}) };
      });
      deps.onChange();
      return { ok: true };
    },
    'backup:delete': async ({ id }) => {
      // With Convex, only an admin key may delete (audited there), and Convex deletes first.
      const record = await deps.journal.get(id);
      if (record) {
        const device = (await install()).deviceName;
        await deleteRemote(await readSettings(), { workspace: record.workspace, clientBackupId: id, device });
      }
      await deps.journal.remove(id);
      deps.onChange();
      return { ok: true };
    },
    'backup:not-a-save': async ({ id }) => {
      const ignored = await ignoreBackupRequest(deps.journal, id);
      await deps.journal.remove(id);
      deps.onChange();
      return ignored;
    },
    'backup:import': async ({ bundle }) => {
      const report = await importBundle(deps.journal, bundle);
      if (report.added > 0) {
        deps.onChange();
        void deps.sync.drain();
      }
      return report;
    },
    'restore:preview': ({ id, tabId }) => deps.restore.preview(id, tabId),
    'restore:apply': ({ id, tabId, fields }) => deps.restore.apply(id, tabId, fields),
    'restore:reload-tabs': async ({ tabIds }) => {
      // Only a tab that shows a watched dashboard: the popup names tabs, it does not reload any page it likes.
      for (const tabId of tabIds) if (await dashboardInTab(tabId, watched)) await browser.tabs.reload(tabId);
      return { ok: true };
    },
    'workspace:set-retention': async ({ workspace, retention }) => {
      const device = (await install()).deviceName;
      await setRetentionRemote(await readSettings(), { workspace, retention, device });
      // This device follows at once; the others on their next pull.
      await writeWorkspaceFacts(workspace, { retention, checkedAt: Date.now() });
      void deps.sync.pull(workspace).catch(() => undefined);
      return { ok: true };
    },
    'settings:test-connection': (data) => testConnection(data),
  };
}
