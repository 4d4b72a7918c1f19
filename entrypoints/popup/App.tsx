import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { DriftNotice } from '../../components/popup/DriftNotice';
import { PopupFooter } from '../../components/popup/PopupFooter';
import { StatusHeader } from '../../components/popup/StatusHeader';
import { StorageNotice } from '../../components/popup/StorageNotice';
import { ToolsMenu } from '../../components/popup/ToolsMenu';
import { WatchPanel } from '../../components/popup/WatchPanel';
import type { BackupRecord } from '../../lib/journal/backup-record';
import { useStoredValue } from '../../lib/options/use-stored-value';
import { captureUnavailable } from '../../lib/popup/capture-unavailable';
import { describeStatus } from '../../lib/popup/describe-status';
import { describeStorage } from '../../lib/popup/describe-storage';
import { openOptions } from '../../lib/popup/open-options';
import { useCaptureNow } from '../../lib/popup/use-capture-now';
import { useDrift } from '../../lib/popup/use-drift';
import { useHistory } from '../../lib/popup/use-history';
import { useJournal } from '../../lib/popup/use-journal';
import { useNow } from '../../lib/popup/use-now';
import { usePullOnOpen } from '../../lib/popup/use-pull-on-open';
import { useRetry } from '../../lib/popup/use-retry';
import { useSelection } from '../../lib/popup/use-selection';
import { useStorageHealth } from '../../lib/popup/use-storage-health';
import { useSyncStatus } from '../../lib/popup/use-sync-status';
import { useTarget } from '../../lib/popup/use-target';
import { useWatchDashboard } from '../../lib/popup/use-watch-dashboard';
import { useWorkspaces } from '../../lib/popup/use-workspaces';
import { readWorkspaceFacts, workspaceFactsItem } from '../../lib/storage';
import { HistoryView } from './HistoryView';

// Restore, diff and the tools load on demand: the first paint needs only the status and the history.
const loadRestore = () => import('./RestoreView');
const loadDiff = () => import('./DiffView');
const loadTools = () => import('./ToolsPanel');
const RestoreView = lazy(() => loadRestore().then((module) => ({ default: module.RestoreView })));
const DiffView = lazy(() => loadDiff().then((module) => ({ default: module.DiffView })));
const ToolsPanel = lazy(() => loadTools().then((module) => ({ default: module.ToolsPanel })));
/** (ms) after the first paint before the on-demand views are fetched, so a click on them finds them ready. */
const PRELOAD_DELAY = 300;

/** What takes the history's place: nothing, the restore of a backup, or its diff. */
type Flow =
  | { kind: 'history' }
  | { kind: 'restore'; record: BackupRecord }
  | { kind: 'diff'; record: BackupRecord; against: 'previous' | 'page' };

interface Props {
  /** Called once the history (or why it cannot be shown) is on screen: the first screen hands over then. */
  onShown?: () => void;
}

/** The popup: sync status and the history first; restore, diff and the tools menu on demand. */
export function App({ onShown }: Props) {
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
  // The pull wakes the background (its service worker shares the popup's process): only once the history is shown.
  usePullOnOpen(history.loading ? null : ws.selected);
  const selection = useSelection(ws.selected);
  const capture = useCaptureNow(tabId);
  // What "Capture changes" in the drift notice captured, said where the notice was.
  const [driftCaptured, setDriftCaptured] = useState<{ ok: boolean; text: string } | null>(null);
  const watch = useWatchDashboard(target);
  const retry = useRetry(ws.selected);
  const drift = useDrift(target.match?.workspace === ws.selected ? ws.selected : null);
  const storageHealth = useStorageHealth();
  const facts = useStoredValue(workspaceFactsItem, readWorkspaceFacts);
  const [flow, setFlow] = useState<Flow>({ kind: 'history' });
  // The button that opened a restore or a diff takes the focus back when it closes (the history stays mounted).
  const opener = useRef<HTMLElement | null>(null);
  const open = (next: Flow) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setFlow(next);
  };

  useEffect(() => {
    if (flow.kind === 'history' && opener.current?.isConnected) opener.current.focus();
  }, [flow.kind]);

  useEffect(() => {
    const timer = setTimeout(() => void Promise.all([loadRestore(), loadDiff(), loadTools()]), PRELOAD_DELAY);
    return () => clearTimeout(timer);
  }, []);

  const historyLoading = target.loading || ws.loading || history.loading || (!journal && !journalError);
  // Before the browser paints: the first screen and this popup swap within one frame, once this one has what the
  // first screen shows (the history, the status, the key's role).
  const shown = (!historyLoading || journalError !== null) && sync.loaded && facts !== null;
  useLayoutEffect(() => {
    if (shown) onShown?.();
  }, [shown, onShown]);

  const storageView = describeStorage(storageHealth, now, sync.configured);
  const status = describeStatus(ws.selected ? sync.statuses[ws.selected] : undefined, sync.configured);
  const unavailable = captureUnavailable(target);
  const backToHistory = () => setFlow({ kind: 'history' });

  return (
    <div className="popup">
      <StatusHeader
        view={status}
        loading={!sync.loaded}
        workspace={ws.selected}
        now={now}
        retrying={retry.busy}
        onRetry={() => void retry.retry()}
        statusRef={retry.landing}
        onOpenOptions={openOptions}
      />
      {storageView ? (
        <StorageNotice
          view={storageView}
          retrying={retry.busy}
          triedAt={retry.triedAt}
          onRetry={() => void retry.retry()}
          landing={retry.landing}
        />
      ) : null}
      <DriftNotice
        drift={drift}
        canCapture={!unavailable}
        capturing={capture.busy}
        captured={driftCaptured}
        onCapture={() =>
          void capture.capture({ labelled: false }).then((result) => result && setDriftCaptured(result))
        }
        onReview={(id) => {
          const record = history.records.find((candidate) => candidate.id === id);
          if (record) open({ kind: 'diff', record, against: 'page' });
        }}
      />
      <WatchPanel watch={watch} unwatched={!target.loading && target.watchable && !target.match} />
      <main className="main">
        <HistoryView
          covered={flow.kind !== 'history'}
          loading={historyLoading}
          error={journalError}
          history={history}
          ws={ws}
          selection={selection}
          now={now}
          sync={status}
          facts={facts ?? {}}
          held={storageHealth?.state === 'full'}
          tools={
            <ToolsMenu>
              <Suspense fallback={<p className="hint">Loading…</p>}>
                <ToolsPanel
                  capture={capture}
                  unavailable={unavailable}
                  journal={journal}
                  workspace={ws.selected}
                  selected={selection.ids}
                  canExport={history.records.length > 0}
                />
              </Suspense>
            </ToolsMenu>
          }
          onRestore={(record) => open({ kind: 'restore', record })}
          onDiff={(record) => open({ kind: 'diff', record, against: 'previous' })}
        />
        <Suspense fallback={<p className="hint">Loading…</p>}>
          {flow.kind === 'restore' ? (
            <RestoreView record={flow.record} tabId={tabId} now={now} onClose={backToHistory} />
          ) : null}
          {flow.kind === 'diff' ? (
            <DiffView
              journal={journal}
              records={history.records}
              record={flow.record}
              against={flow.against}
              tabId={tabId}
              now={now}
              canCompareWithPage={!!target.match && target.match.workspace === flow.record.workspace}
              onClose={backToHistory}
            />
          ) : null}
        </Suspense>
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
