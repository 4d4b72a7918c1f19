import type { Snapshot } from '../capture/snapshot';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { madeHere } from '../journal/made-here';
import type { ApplyReport } from '../messaging/apply-report';
import type { WatchedDashboard } from '../storage';
import { readInTab, sendInTab } from './apply-in-tab';
import type { CaptureService } from './create-capture-service';
import { restoreByRequest, serverSection } from './restore-by-request';
import type { RestoreTab } from './restore-tabs';

interface Deps {
  journal: Journal;
  capture: CaptureService;
  readWatched: () => Promise<WatchedDashboard[]>;
  salt: () => Promise<string>;
}

/**
 * The form is not on the page: sends the dashboard's own save request, and records what the server had (for Undo)
 * unless the dashboard refused the save, and what it has once it accepted it.
 */
export async function restoreByRequestWithHistory(
  deps: Deps,
  tab: RestoreTab,
  record: BackupRecord,
  snapshot: Snapshot,
  fields?: string[],
): Promise<ApplyReport> {
  const { workspace } = record;
  const { salt } = deps;
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
    undoId = await deps.capture.recordBefore(
      { snapshot: before, label: `Before restore of ${snapshot.title}` },
      workspace,
    );
  }
  if (result.saved !== undefined) {
    await deps.capture.record(await serverSection(result.saved, input, await salt()), workspace, 'restore', {
      tabId: tab.tabId,
    });
  }
  return { ...result.report, ...(undoId ? { undoId } : {}) };
}
