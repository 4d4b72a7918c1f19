import { useState } from 'react';
import type { BackupRecord } from '../journal/backup-record';
import type { RestorePreview } from '../messaging';
import type { ApplyReport } from '../restore/apply-report';
import { sendMessage } from '../send-message';
import { defaultSelection } from './restorable-fields';

/** Where a restore stands: preview with chosen fields, applying, then the report (which can be undone). */
export type RestoreStep =
  | { step: 'idle' }
  | { step: 'loading'; record: BackupRecord }
  | { step: 'preview'; record: BackupRecord; preview: RestorePreview; selected: Set<string>; busy: boolean }
  | { step: 'report'; record: BackupRecord; report: ApplyReport; undone: boolean; busy: boolean };

/** The restore flow of one backup on the target tab: preview, partial apply, report, undo. */
export function useRestoreFlow(tabId: number | null) {
  const [state, setState] = useState<RestoreStep>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const target = tabId === null ? {} : { tabId };

  async function start(record: BackupRecord) {
    setError(null);
    setState({ step: 'loading', record });
    try {
      const preview = await sendMessage('restore:preview', { id: record.id, ...target });
      setState({
        step: 'preview',
        record,
        preview,
        selected: defaultSelection(preview.changes, preview.comparedWith),
        busy: false,
      });
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

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
      const undoReport = await sendMessage('restore:apply', { id: report.undoId as string, ...target });
      setState({ step: 'report', record, report: undoReport, undone: true, busy: false });
    } catch (failure) {
      setError((failure as Error).message);
      setState({ ...state, busy: false });
    }
  }

  function close() {
    // Leaving while the dashboard saves would hide the report that is on its way.
    if ((state.step === 'preview' || state.step === 'report') && state.busy) return;
    setError(null);
    setState({ step: 'idle' });
  }

  return { state, error, start, toggle, apply, undo, close };
}
