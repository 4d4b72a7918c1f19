import { useEffect, useState } from 'react';
import type { BackupRecord } from '../journal/backup-record';
import type { RestorePreview } from '../messaging';
import type { ApplyReport } from '../messaging/apply-report';
import { sendMessage } from '../messaging/send-message';
import { defaultSelection } from './restorable-fields';

/** Where a restore stands: preview with chosen fields, applying, then the report (which can be undone). */
export type RestoreStep =
  | { step: 'loading'; record: BackupRecord }
  | { step: 'preview'; record: BackupRecord; preview: RestorePreview; selected: Set<string>; busy: boolean }
  | {
      step: 'report';
      record: BackupRecord;
      report: ApplyReport;
      undone: boolean;
      busy: boolean;
      /** The report's stale tabs were reloaded (they show the restored settings now). */
      reloaded?: boolean;
    };

/**
 * The restore flow of `record` on the target tab: preview (asked for at once), partial apply, report, undo.
 * `onClose` leaves the flow; it is not called while the dashboard saves, which would hide the report on its way.
 */
export function useRestoreFlow(tabId: number | null, record: BackupRecord, onClose: () => void) {
  const [state, setState] = useState<RestoreStep>({ step: 'loading', record });
  const [error, setError] = useState<string | null>(null);
  const target = tabId === null ? {} : { tabId };

  useEffect(() => {
    let live = true;
    sendMessage('restore:preview', { id: record.id, ...(tabId === null ? {} : { tabId }) }).then(
      (preview) =>
        live &&
        setState({
          step: 'preview',
          record,
          preview,
          selected: defaultSelection(preview.changes, preview.comparedWith),
          busy: false,
        }),
      (failure: unknown) => live && setError((failure as Error).message),
    );
    return () => {
      live = false;
    };
  }, [record, tabId]);

  function toggle(key: string) {
    setState((current) => {
      if (current.step !== 'preview') return current;
      const selected = new Set(current.selected);
      if (selected.has(key)) selected.delete(key);
      else selected.add(key);
      return { ...current, selected };
    });
  }

  async function apply() {
    if (state.step !== 'preview' || state.busy || state.selected.size === 0) return;
    const { record, selected } = state;
    setError(null);
    setState({ ...state, busy: true });
    try {
      const report = await sendMessage('restore:apply', { id: record.id, ...target, fields: [...selected] });
      setState({ step: 'report', record, report, undone: false, busy: false });
    } catch (failure) {
      setError((failure as Error).message);
      setState({ ...state, busy: false });
    }
  }

  async function undo() {
    if (state.step !== 'report' || state.busy || !state.report.undoId) return;
    const { record, report } = state;
    setError(null);
    setState({ ...state, busy: true });
    try {
      // What the restore changed, and only that: the fields it left alone keep whatever they hold now.
      const fields = report.fields
        .filter((field) => !['skipped', 'not-found', 'locked'].includes(field.outcome))
        .map((field) => field.key);
      const undoReport = await sendMessage('restore:apply', {
        id: report.undoId as string,
        ...target,
        fields,
      });
      setState({ step: 'report', record, report: undoReport, undone: true, busy: false });
    } catch (failure) {
      setError((failure as Error).message);
      setState({ ...state, busy: false });
    }
  }

  /** Reloads the tabs that still show the settings from before the restore, when the user asks. */
  async function reload() {
    if (state.step !== 'report' || !state.report.staleTabs) return;
    setError(null);
    try {
      await sendMessage('restore:reload-tabs', { tabIds: state.report.staleTabs.map((tab) => tab.tabId) });
      setState({ ...state, reloaded: true });
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  function close() {
    if ((state.step === 'preview' || state.step === 'report') && state.busy) return;
    onClose();
  }

  return { state, error, toggle, apply, undo, reload, close };
}
