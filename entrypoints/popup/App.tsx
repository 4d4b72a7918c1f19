import { CaptureTools } from '../../components/popup/CaptureTools';
import { DiffPanel } from '../../components/popup/DiffPanel';
import { DriftNotice } from '../../components/popup/DriftNotice';
import { FlowPanel } from '../../components/popup/FlowPanel';
import { HistoryEmpty } from '../../components/popup/HistoryEmpty';
import { HistoryFilters } from '../../components/popup/HistoryFilters';
import { HistoryList } from '../../components/popup/HistoryList';
import { Notice } from '../../components/popup/Notice';
import { PopupFooter } from '../../components/popup/PopupFooter';
import { RelativeTime } from '../../components/popup/RelativeTime';
import { RestorePreviewPanel } from '../../components/popup/RestorePreviewPanel';
import { RestoreReportPanel } from '../../components/popup/RestoreReportPanel';
import { StatusHeader } from '../../components/popup/StatusHeader';
import { StorageNotice } from '../../components/popup/StorageNotice';
import { TransferTools } from '../../components/popup/TransferTools';
import { WatchPanel } from '../../components/popup/WatchPanel';
import { captureUnavailable } from '../../lib/popup/capture-unavailable';
import { describeStatus } from '../../lib/popup/describe-status';
import { describeStorage } from '../../lib/popup/describe-storage';
import { openOptions } from '../../lib/popup/open-options';
import { useBundleTransfer } from '../../lib/popup/use-bundle-transfer';
import { useCaptureNow } from '../../lib/popup/use-capture-now';
import { useDiff } from '../../lib/popup/use-diff';
import { useDrift } from '../../lib/popup/use-drift';
import { useEntryActions } from '../../lib/popup/use-entry-actions';
import { useHistory } from '../../lib/popup/use-history';
import { useJournal } from '../../lib/popup/use-journal';
import { useNow } from '../../lib/popup/use-now';
import { usePullOnOpen } from '../../lib/popup/use-pull-on-open';
import { useRestoreFlow } from '../../lib/popup/use-restore-flow';
import { useRetry } from '../../lib/popup/use-retry';
import { useSelection } from '../../lib/popup/use-selection';
import { useShortcut } from '../../lib/popup/use-shortcut';
import { useStorageHealth } from '../../lib/popup/use-storage-health';
import { useSyncStatus } from '../../lib/popup/use-sync-status';
import { useTarget } from '../../lib/popup/use-target';
import { useWatchDashboard } from '../../lib/popup/use-watch-dashboard';
import { useWorkspaces } from '../../lib/popup/use-workspaces';

/** The popup: sync status, watch prompt, capture and transfer tools, and the history with restore and diff. */
export function App() {
  const now = useNow();
  const target = useTarget();
  const tabId = target.tab?.id ?? null;
  const { journal, version, error: journalError } = useJournal();
  const sync = useSyncStatus();
  const ws = useWorkspaces(
    journal,
    version,
    Object.keys(sync.statuses),
    target.match?.workspace ?? null,
    !target.loading,
  );
  const history = useHistory(journal, ws.selected, version);
  usePullOnOpen(ws.selected);
  const selection = useSelection(ws.selected);
  const actions = useEntryActions();
  const restore = useRestoreFlow(tabId);
  const diff = useDiff(journal, history.records, tabId);
  const capture = useCaptureNow(tabId);
  const shortcut = useShortcut();
  const transfer = useBundleTransfer(journal, ws.selected, selection.ids);
  const watch = useWatchDashboard(target);
  const retry = useRetry(ws.selected);
  const drift = useDrift(target.match?.workspace === ws.selected ? ws.selected : null);
  const storageHealth = useStorageHealth();
  const storageView = describeStorage(storageHealth, now, sync.configured);
  const status = describeStatus(ws.selected ? sync.statuses[ws.selected] : undefined, sync.configured);
  const flow = restore.state;
  const loading = target.loading || ws.loading || history.loading || (!journal && !journalError);

  return (
    <div className="popup">
      <StatusHeader
        view={status}
        loading={!sync.loaded}
        workspace={ws.selected}
        now={now}
        retrying={retry.busy}
        onRetry={() => void retry.retry()}
        onOpenOptions={openOptions}
      />
      {storageView ? (
        <StorageNotice view={storageView} retrying={retry.busy} onRetry={() => void retry.retry()} />
      ) : null}
      {drift ? (
        <DriftNotice
          drift={drift}
          canCapture={!captureUnavailable(target)}
          onCapture={() => void capture.capture()}
          onReview={(id) => {
            const record = history.records.find((candidate) => candidate.id === id);
            if (!record) return;
            diff.open(record);
            diff.setAgainst({ kind: 'page' });
          }}
        />
      ) : null}
      <WatchPanel watch={watch} unwatched={!target.loading && target.watchable && !target.match} />
      <CaptureTools capture={capture} shortcut={shortcut} unavailable={captureUnavailable(target)} />
      <TransferTools
        transfer={transfer}
        selectedCount={selection.ids.size}
        canExport={history.records.length > 0}
      />
      <main className="main">
        {flow.step !== 'idle' ? (
          <FlowPanel
            title={
              flow.step === 'report' ? 'Restore report' : `Restore ${flow.record.title || flow.record.type}`
            }
            onBack={restore.close}
          >
            {restore.error ? <Notice tone="error">{restore.error}</Notice> : null}
            {flow.step === 'loading' && !restore.error ? (
              <p className="hint">Comparing with the page…</p>
            ) : null}
            {flow.step === 'preview' ? (
              <RestorePreviewPanel
                preview={flow.preview}
                when={<RelativeTime at={flow.record.capturedAt} now={now} />}
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
                onUndo={() => void restore.undo()}
                onDone={restore.close}
              />
            ) : null}
          </FlowPanel>
        ) : diff.record ? (
          <FlowPanel title={`Diff: ${diff.record.title || diff.record.type}`} onBack={diff.close}>
            <DiffPanel
              against={diff.against}
              candidates={diff.candidates}
              changes={diff.changes}
              loading={diff.loading}
              error={diff.error}
              now={now}
              canCompareWithPage={!!target.match && target.match.workspace === diff.record.workspace}
              showUnchanged={diff.showUnchanged}
              onShowUnchanged={diff.setShowUnchanged}
              onAgainst={diff.setAgainst}
            />
          </FlowPanel>
        ) : (
          <section className="history" aria-label="History">
            <HistoryFilters
              workspaces={ws.workspaces}
              workspace={ws.selected}
              onWorkspace={ws.select}
              sections={history.sections}
              filter={history.filter}
              onFilter={history.setFilter}
            />
            {journalError || history.error || actions.error ? (
              <Notice tone="error">{journalError ?? history.error ?? actions.error}</Notice>
            ) : null}
            {loading ? (
              <HistoryEmpty state="loading" />
            ) : history.visible.length === 0 ? (
              <HistoryEmpty
                state={
                  history.records.length ? 'filtered' : storageHealth?.state === 'full' ? 'held' : 'empty'
                }
              />
            ) : (
              <HistoryList
                records={history.visible}
                scrollKey={`${ws.selected}\n${history.filter.section}\n${history.filter.search}`}
                total={history.records.length}
                now={now}
                offline={status.state === 'offline'}
                selected={selection.ids}
                confirmingDelete={actions.confirming}
                onRestore={(record) => void restore.start(record)}
                onDiff={diff.open}
                onTogglePin={(record) => void actions.togglePin(record)}
                onAskDelete={actions.askDelete}
                onConfirmDelete={(id) => void actions.confirmDelete(id)}
                onCancelDelete={actions.cancelDelete}
                onToggleSelect={selection.toggle}
              />
            )}
          </section>
        )}
      </main>
      <PopupFooter
        dashboard={target.match?.dashboard ?? null}
        locked={watch.locked}
        confirmingUnwatch={watch.confirmingUnwatch}
        busy={watch.busy}
        onOptions={openOptions}
        onAskUnwatch={watch.askUnwatch}
        onUnwatch={(dashboard) => void watch.unwatch(dashboard)}
        onCancelUnwatch={watch.cancelUnwatch}
      />
    </div>
  );
}
