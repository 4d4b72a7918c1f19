import { FlowPanel } from '../../components/popup/FlowPanel';
import { Notice } from '../../components/popup/Notice';
import { RelativeTime } from '../../components/popup/RelativeTime';
import { RestorePreviewPanel } from '../../components/popup/RestorePreviewPanel';
import { RestoreReportPanel } from '../../components/popup/RestoreReportPanel';
import type { BackupRecord } from '../../lib/journal/backup-record';
import { useRestoreFlow } from '../../lib/popup/use-restore-flow';

interface Props {
  record: BackupRecord;
  tabId: number | null;
  now: number;
  onClose: () => void;
}

/** Restoring one backup: the preview with the fields to restore, then the report with "Undo restore". */
export function RestoreView({ record, tabId, now, onClose }: Props) {
  const restore = useRestoreFlow(tabId, record, onClose);
  const flow = restore.state;
  return (
    <FlowPanel
      title={flow.step === 'report' ? 'Restore report' : `Restore ${record.title || record.type}`}
      onBack={restore.close}
    >
      {restore.error ? <Notice tone="error">{restore.error}</Notice> : null}
      {flow.step === 'loading' && !restore.error ? <p className="hint">Comparing with the page…</p> : null}
      {flow.step === 'preview' ? (
        <RestorePreviewPanel
          preview={flow.preview}
          when={<RelativeTime at={record.capturedAt} now={now} />}
          selected={flow.selected}
          busy={flow.busy}
          onToggle={restore.toggle}
          onApply={() => void restore.apply()}
          onCancel={restore.close}
        />
      ) : null}
      {flow.step === 'report' ? (
        <RestoreReportPanel
          report={flow.report}
          undone={flow.undone}
          busy={flow.busy}
          reloaded={!!flow.reloaded}
          onUndo={() => void restore.undo()}
          onReload={() => void restore.reload()}
          onDone={restore.close}
        />
      ) : null}
    </FlowPanel>
  );
}
