import type { Snapshot } from '../capture/snapshot';
import { diffSnapshots } from '../diff/diff-snapshots';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';
import type { RestorePreview } from '../messaging';
import { reportResult, type ApplyReport, type FieldReport } from '../messaging/apply-report';
import { readInstall, type Settings, type WatchedDashboard } from '../storage';
import { asThePageHasIt } from '../restore/as-the-page-has-it';
import { textsAsThePageShows } from '../restore/texts-as-the-page-shows';
import { authorizeRestore } from '../sync/authorize-restore';
import { SECOND } from '../time';
import type { CaptureService, SaveOutcome } from './create-capture-service';
import { applyInTab, readInTab, sendInTab } from './apply-in-tab';
import { ownPageOf } from './own-page-of';
import { requestRefusal } from './request-refusal';
import { asSentFromHere, readCurrent, restoreByRequest, serverSection } from './restore-by-request';
import { createRestoreTabs, type RestoreTab } from './restore-tabs';

/** (ms) how long a restore waits for the dashboard to accept its save before calling the fields rejected. */
export const VERIFY_TIMEOUT = 8 * SECOND;

interface Deps {
  journal: Journal;
  capture: CaptureService;
  readWatched: () => Promise<WatchedDashboard[]>;
  readSettings: () => Promise<Settings>;
  device: () => Promise<string>;
  salt?: () => Promise<string>;
}

/** A restore of a backup made elsewhere, from a tab not on its dashboard, with no page of this browser's to open. */
function failNoOwnPage(title: string): never {
  throw new Error(
    `Savepoint has not captured ${title} in this browser, so it does not open the page this backup names. Open the dashboard page with these settings and restore there`,
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Restores backups through the dashboard's own save, then checks field by field what the dashboard kept. */
export function createRestoreService(deps: Deps) {
  const salt = deps.salt ?? (async () => (await readInstall()).salt);
  const { home, tabOf, dashboardTab, currentSection } = createRestoreTabs(deps.readWatched, salt);

  async function load(id: string) {
    const record = await deps.journal.get(id);
    if (!record) throw new Error('This backup no longer exists');
    const snapshot = await deps.journal.snapshotOf(record);
    if (!snapshot) throw new Error('This backup has no stored settings');
    return { record, snapshot };
  }

  function verify(report: ApplyReport, saved: Snapshot | null): FieldReport[] {
    const savedByKey = new Map((saved?.fields ?? []).map((field) => [field.key, field]));
    return report.fields.map((field) => {
      if (field.outcome !== 'applied') return field;
      if (!saved) return { ...field, outcome: 'rejected' };
      const kept = savedByKey.get(field.key);
      const actual = kept?.value;
      const texts = kept?.texts ? { texts: kept.texts } : {};
      return sameValue(actual, field.expected)
        ? { ...field, actual: actual ?? null, ...texts }
        : { ...field, outcome: 'changed-by-dashboard', actual: actual ?? null, ...texts };
    });
  }

  /** The form is on the page: fill it, press its save, and compare with the capture that save produces. */
  async function restoreOnPage(tab: RestoreTab, workspace: string, snapshot: Snapshot, fields?: string[]) {
    const waiting = deps.capture.waitForCapture(tab.tabId, workspace, snapshot.type, VERIFY_TIMEOUT);
    const applied = await applyInTab(tab.tabId, snapshot, fields);
    const saved = applied.savedVia === 'none' ? null : await waiting;
    return { applied, saved };
  }

  /**
   * The section's newest backup this browser made, with its snapshot, unless it is `record` itself (or has none
   * stored). A pulled or imported one is its writer's word: any capture key could name the values a restore should
   * put back as the dashboard's, and the preview would leave them unticked.
   */
  async function newestOther(record: BackupRecord) {
    const [newest] = await deps.journal.newestOfSection(record.workspace, record.type, 1, madeHere);
    if (!newest || newest.id === record.id || newest.contentHash === record.contentHash) return undefined;
    const snapshot = await deps.journal.snapshotOf(newest);
    return snapshot ? { record: newest, snapshot } : undefined;
  }

  /** The report of a restore through the page's form, from what its save came to. */
  async function onPageReport(
    tabId: number,
    record: BackupRecord,
    applied: ApplyReport,
    saved: SaveOutcome | null,
  ): Promise<ApplyReport> {
    if (saved && 'refused' in saved) {
      return {
        ...applied,
        fields: verify(applied, null),
        saveError: `HTTP ${saved.refused}`,
      };
    }
    // No word from the dashboard: whether the save went through is unknown, so the way back is kept.
    const pending = deps.capture.takeBefore(tabId, record.workspace, record.type);
    const undoId =
      saved?.beforeId ??
      (pending
        ? (await deps.capture.record(pending.snapshot, record.workspace, 'manual', { label: pending.label }))
            .record.id
        : undefined);
    return {
      ...applied,
      fields: verify(applied, saved?.snapshot ?? null),
      ...(undoId ? { undoId } : {}),
      ...(applied.savedVia !== 'none' && !saved
        ? { saveError: 'The dashboard did not accept the save' }
        : {}),
      ...(applied.savedVia === 'none'
        ? { saveError: 'No way to save this section was found on the page' }
        : {}),
    };
  }

  /** The form is not on the page: send the dashboard's own save request, and record what the server had and has. */
  async function restoreByItsRequest(
    tab: RestoreTab,
    record: BackupRecord,
    snapshot: Snapshot,
    fields?: string[],
  ) {
    const { workspace } = record;
    const result = await restoreByRequest(
      { journal: deps.journal, watched: deps.readWatched, read: readInTab, send: sendInTab, salt },
      {
        tabId: tab.tabId,
        tabUrl: tab.url,
        workspace,
        dashboard: tab.dashboard,
        backup: snapshot,
        madeHere: madeHere(record),
        ...(fields ? { fields } : {}),
      },
    );
    let undoId: string | undefined;
    const input = { tabUrl: tab.url, dashboard: tab.dashboard, backup: snapshot };
    if (result.before !== undefined) {
      const before = await serverSection(result.before, input, await salt());
      const saved = await deps.capture.record(before, workspace, 'manual', {
        label: `Before restore of ${snapshot.title}`,
      });
      undoId = saved.record.id;
    }
    if (result.saved !== undefined) {
      await deps.capture.record(
        await serverSection(result.saved, input, await salt()),
        workspace,
        'restore',
        {
          tabId: tab.tabId,
        },
      );
    }
    return { ...result.report, ...(undoId ? { undoId } : {}) };
  }

  return {
    /** What a restore would change on the page the user looks at (or the page it would open). */
    async preview(id: string, tabId?: number): Promise<RestorePreview> {
      const { record, snapshot: stored } = await load(id);
      await home(record.workspace, stored);
      let snapshot = stored;
      const tab = tabId === undefined ? null : await tabOf(tabId, record.workspace);
      let current = tab ? await currentSection(tab.tabId, snapshot).catch(() => null) : null;
      let byRequest = !current && Boolean(snapshot.request);
      const refusal = byRequest
        ? await requestRefusal(
            { journal: deps.journal, watched: deps.readWatched },
            {
              workspace: record.workspace,
              backup: snapshot,
              tabUrl: tab?.url ?? snapshot.pageUrl,
              savePattern: tab?.dashboard.savePattern,
              madeHere: madeHere(record),
            },
          )
        : null;
      // What a restore by request would send, named as this browser names it (restore-by-request.ts).
      if (byRequest && !refusal) {
        snapshot = await asSentFromHere(
          { journal: deps.journal, watched: deps.readWatched },
          {
            workspace: record.workspace,
            backup: stored,
            tabUrl: tab?.url ?? stored.pageUrl,
            madeHere: madeHere(record),
          },
        );
      }
      if (tab && byRequest && !refusal) {
        const body = await readCurrent({ read: readInTab }, tab.tabId, snapshot).catch(() => undefined);
        if (body !== undefined)
          current = await serverSection(
            body,
            { tabUrl: tab.url, dashboard: tab.dashboard, backup: snapshot },
            await salt(),
          );
      }
      byRequest &&= !refusal;
      // The form is not on the page and the dashboard was not read: the section's newest backup this browser made
      // is the best knowledge of what it holds (unless it is this very backup, which would then show nothing).
      const newest = current ? undefined : await newestOther(record);
      if (newest) current = newest.snapshot;
      // On the page, a backup made elsewhere is applied as the page has its fields (apply), so it is shown so.
      if (current && !byRequest && !madeHere(record)) snapshot = asThePageHasIt(stored, current);
      // And its drop-downs read as the page shows their values, not as its writer said.
      if (!madeHere(record)) snapshot = textsAsThePageShows(snapshot, newest ? null : current);
      // Secrets' hashes compare only between what this device read or made (each device salts its own).
      const secretsComparable = madeHere(record);
      const changes = diffSnapshots(current, snapshot, { secretsComparable })
        // A restore by request keeps what the backup does not hold as the server has it: nothing is removed.
        .filter((change) => !(byRequest && change.kind === 'removed'))
        .map((change) => (current ? change : { ...change, kind: 'changed' as const }));
      const request = snapshot.request;
      return {
        workspace: record.workspace,
        type: record.type,
        title: record.title,
        onPage: current !== null && !byRequest && !newest,
        comparedWith: newest ? 'backup' : current ? (byRequest ? 'server' : 'page') : null,
        ...(newest ? { comparedBackup: { id: newest.record.id, capturedAt: newest.record.capturedAt } } : {}),
        changes,
        ...(byRequest && request
          ? {
              request: {
                method: request.method,
                url: new URL(request.url, tab?.url ?? snapshot.pageUrl).href,
              },
            }
          : {}),
        ...(refusal ? { refusal } : {}),
      };
    },

    /** Applies a backup (or chosen fields of it) through the dashboard and reports what the dashboard kept. */
    async apply(id: string, tabId?: number, fields?: string[]): Promise<ApplyReport> {
      const { record, snapshot } = await load(id);
      await home(record.workspace, snapshot);
      // A backup made elsewhere names its page as data: a restore opens only a page this browser captured it on.
      const page = async () =>
        madeHere(record)
          ? snapshot.pageUrl
          : await ownPageOf(deps.journal, record.workspace, record.type, snapshot.pageUrl);
      const given = tabId === undefined ? null : await tabOf(tabId, record.workspace);
      let tab =
        given ?? (await dashboardTab(record.workspace, (await page()) ?? failNoOwnPage(record.title), tabId));
      // With Convex, only an admin key restores, and the audit entry is written before anything changes.
      const audit = await authorizeRestore(await deps.readSettings(), {
        workspace: record.workspace,
        clientBackupId: id,
        device: await deps.device(),
      });
      let before = await currentSection(tab.tabId, snapshot, true);
      // Another page of the same dashboard: a section saved by its form is restored on the page it was saved on.
      const formPage = !before && !snapshot.request ? await page() : null;
      if (formPage !== null && tab.url !== formPage) {
        tab = await dashboardTab(record.workspace, formPage, tab.tabId, true);
        before = await currentSection(tab.tabId, snapshot, true);
      }
      let report: ApplyReport;
      // The save request this browser saw the section's save make: its refusal is heard at once, with its status.
      const request = madeHere(record) ? snapshot.request : undefined;
      const save = request ? { method: request.method, url: request.url } : undefined;
      deps.capture.markRestoring(tab.tabId, record.workspace, record.type, true, undefined, save);
      try {
        if (!before && snapshot.request) {
          report = await restoreByItsRequest(tab, record, snapshot, fields);
        } else {
          // What the page showed goes into the history only once the dashboard accepts the save (for Undo): a
          // save it refuses changed nothing, and leaves no "Before restore" entry behind.
          if (before) {
            deps.capture.markRestoring(tab.tabId, record.workspace, record.type, true, {
              snapshot: before,
              label: `Before restore of ${record.title}`,
            });
          }
          // A backup made elsewhere chooses no button and no input: the page's own reading of the section does.
          const onPage = madeHere(record) ? snapshot : asThePageHasIt(snapshot, before);
          const { applied, saved } = await restoreOnPage(tab, record.workspace, onPage, fields);
          report = await onPageReport(tab.tabId, record, applied, saved);
        }
        await audit.finish({
          result: reportResult(report),
          report: JSON.stringify(report.fields.map(({ key, outcome }) => ({ key, outcome }))),
        });
        return report;
      } finally {
        deps.capture.markRestoring(tab.tabId, record.workspace, record.type, false);
      }
    },
  };
}
