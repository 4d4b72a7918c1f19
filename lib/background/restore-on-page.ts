import type { CapturedField, Snapshot } from '../capture/snapshot';
import type { BackupRecord } from '../journal/backup-record';
import type { ApplyReport } from '../messaging/apply-report';
import { verifySavedFields } from '../restore/verify-saved-fields';
import { SECOND } from '../time';
import { applyInTab } from './apply-in-tab';
import { checkAfterSave, type ReadBack } from './check-after-save';
import type { CaptureService } from './create-capture-service';
import type { RestoreTab } from './restore-tabs';

/** (ms) how long a restore waits for the dashboard to accept its save before calling the fields rejected. */
export const VERIFY_TIMEOUT = 8 * SECOND;

/** Why an on-page restore saved nothing although the form was filled and its Save pressed. */
const NOT_SENT =
  'The page sent no save request within 8 s of pressing its Save (a field its own script needs may be missing)';

/** Why an on-page restore could not tell whether its save was kept. */
const NO_ANSWER = 'No answer from the dashboard within 8 s, or its page was closed or reloaded first';

/**
 * The form is on the page: fills it, presses its save, and reports from what that save came to — the status the
 * dashboard refused it with, or the fields compared with the capture it produced and, where the dashboard shows
 * them again, with what it holds after the save (check-after-save.ts): a server may accept a save and drop or
 * change a value in it without a word.
 */
export async function restoreOnPage(
  capture: CaptureService,
  tab: RestoreTab,
  record: BackupRecord,
  snapshot: Snapshot,
  fields: string[] | undefined,
  putBack: CapturedField[],
  readBack: ReadBack,
): Promise<ApplyReport> {
  const waiting = capture.waitForCapture(tab.tabId, record.workspace, snapshot.type, VERIFY_TIMEOUT);
  const applied = await applyInTab(tab.tabId, snapshot, fields, putBack);
  const saved = applied.savedVia === 'none' ? null : await waiting;
  if (saved && 'refused' in saved) {
    return {
      ...applied,
      fields: verifySavedFields(applied, null),
      saveError: `HTTP ${saved.refused}`,
    };
  }
  // No word from the dashboard: whether the save went through is unknown, so the way back is kept; when nothing
  // was saved at all (no way to save, a field that could not be put back, no save request sent), nothing to undo.
  const pending = capture.takeBefore(tab.tabId, record.workspace, record.type);
  if (
    !saved &&
    applied.savedVia !== 'none' &&
    capture.saveSent(tab.tabId, record.workspace, record.type) === false
  )
    return { ...applied, fields: verifySavedFields(applied, null, 'not-saved'), saveError: NOT_SENT };
  const undoId =
    saved?.beforeId ??
    (pending && applied.savedVia !== 'none'
      ? await capture.recordBefore(pending, record.workspace)
      : undefined);
  const verified = verifySavedFields(applied, saved?.snapshot ?? null, 'unconfirmed');
  const checked = saved ? await checkAfterSave(readBack, tab.tabId, saved, verified) : { fields: verified };
  return {
    ...applied,
    ...checked,
    ...(undoId ? { undoId } : {}),
    ...(applied.savedVia !== 'none' && !saved ? { saveError: NO_ANSWER } : {}),
    ...(applied.savedVia === 'none'
      ? { saveError: applied.saveError ?? 'No way to save this section was found on the page' }
      : {}),
  };
}
