import { browser } from 'wxt/browser';
import type { Snapshot } from '../capture/snapshot';
import { diffSnapshots } from '../diff/diff-snapshots';
import type { Journal } from '../journal/create-journal';
import type { RestorePreview } from '../messaging';
import { reportResult, type ApplyReport, type FieldReport } from '../restore/apply-report';
import type { Settings, WatchedDashboard } from '../storage';
import { createConvexClient, convexFunctions } from '../sync/convex-api';
import { SECOND } from '../time';
import { findDashboard } from '../watch/find-dashboard';
import type { CaptureService } from './create-capture-service';
import { applyInTab } from './apply-in-tab';
import { collectSnapshots } from './collect-snapshots';
import { openDashboardTab } from './open-dashboard-tab';

/** (ms) how long a restore waits for the dashboard to accept its save before calling the fields rejected. */
export const VERIFY_TIMEOUT = 8 * SECOND;

interface Deps {
  journal: Journal;
  capture: CaptureService;
  readWatched: () => Promise<WatchedDashboard[]>;
  readSettings: () => Promise<Settings>;
  device: () => Promise<string>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Restores backups through the dashboard's own save, then checks field by field what the dashboard kept. */
export function createRestoreService(deps: Deps) {
  async function load(id: string) {
    const record = await deps.journal.get(id);
    if (!record) throw new Error('This backup no longer exists');
    const snapshot = await deps.journal.readSnapshot(record.contentHash);
    if (!snapshot) throw new Error('This backup has no stored settings');
    return { record, snapshot };
  }

  /** A tab showing this workspace's dashboard: the given one if it does, else navigated there. */
  async function dashboardTab(workspace: string, snapshot: Snapshot, tabId?: number): Promise<number> {
    if (tabId !== undefined) {
      const tab = await browser.tabs.get(tabId).catch(() => null);
      const found = tab?.url ? findDashboard(await deps.readWatched(), tab.url) : null;
      if (found?.workspace === workspace) return tabId;
    }
    return openDashboardTab(snapshot.pageUrl, tabId);
  }

  /** The section as a watched tab shows it now, finished with that dashboard's rules. */
  async function currentSection(tabId: number, type: string): Promise<Snapshot | null> {
    const tab = await browser.tabs.get(tabId);
    const watched = await deps.readWatched();
    const found = tab.url ? findDashboard(watched, tab.url) : null;
    if (!found) throw new Error('This page is not a watched dashboard');
    const snapshots = await collectSnapshots(tabId, found, watched);
    return snapshots.find((snapshot) => snapshot.type === type) ?? null;
  }

  function verify(report: ApplyReport, saved: Snapshot | null): FieldReport[] {
    const savedByKey = new Map((saved?.fields ?? []).map((field) => [field.key, field.value]));
    return report.fields.map((field) => {
      if (field.outcome !== 'applied') return field;
      if (!saved) return { ...field, outcome: 'rejected' };
      const actual = savedByKey.get(field.key);
      return sameValue(actual, field.expected)
        ? { ...field, actual: actual ?? null }
        : { ...field, outcome: 'changed-by-dashboard', actual: actual ?? null };
    });
  }

  async function recordOnServer(workspace: string, id: string, report: ApplyReport) {
    const settings = await deps.readSettings();
    if (!settings.convexUrl || !settings.accessKey) return;
    await createConvexClient(settings.convexUrl)
      .mutation(convexFunctions.restoreFromBackup, {
        accessKey: settings.accessKey,
        workspace,
        clientBackupId: id,
        device: await deps.device(),
        result: reportResult(report),
        report: JSON.stringify(report.fields.map(({ key, outcome }) => ({ key, outcome }))),
      })
      .catch((error: unknown) => console.warn('Savepoint: recording the restore in Convex failed', error));
  }

  return {
    /** What a restore would change on the page the user looks at (or the page it would open). */
    async preview(id: string, tabId?: number): Promise<RestorePreview> {
      const { record, snapshot } = await load(id);
      let current: Snapshot | null = null;
      if (tabId !== undefined) {
        const tab = await browser.tabs.get(tabId).catch(() => null);
        const found = tab?.url ? findDashboard(await deps.readWatched(), tab.url) : null;
        if (found?.workspace === record.workspace)
          current = await currentSection(tabId, record.type).catch(() => null);
      }
      const changes = diffSnapshots(current, snapshot).map((change) =>
        current ? change : { ...change, kind: 'changed' as const },
      );
      return {
        workspace: record.workspace,
        type: record.type,
        title: record.title,
        onPage: current !== null,
        changes,
      };
    },

    /** Applies a backup (or chosen fields of it) through the dashboard and reports what the dashboard kept. */
    async apply(id: string, tabId?: number, fields?: string[]): Promise<ApplyReport> {
      const { record, snapshot } = await load(id);
      const tab = await dashboardTab(record.workspace, snapshot, tabId);
      const before = await currentSection(tab, record.type);
      let undoId: string | undefined;
      if (before) {
        const saved = await deps.capture.record(before, record.workspace, 'manual', {
          label: `Before restore of ${record.title}`,
        });
        undoId = saved.record.id;
      }
      deps.capture.markRestoring(tab, record.workspace, record.type, true);
      try {
        const waiting = deps.capture.waitForCapture(tab, record.workspace, record.type, VERIFY_TIMEOUT);
        const applied = await applyInTab(tab, snapshot, fields);
        const saved = applied.savedVia === 'none' ? null : await waiting;
        const report: ApplyReport = {
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
        await recordOnServer(record.workspace, id, report);
        return report;
      } finally {
        deps.capture.markRestoring(tab, record.workspace, record.type, false);
      }
    },
  };
}
