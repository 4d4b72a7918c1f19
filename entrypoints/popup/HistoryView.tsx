import { useState, type ReactNode } from 'react';
import { HistoryEmpty } from '../../components/popup/HistoryEmpty';
import { HistoryFilters } from '../../components/popup/HistoryFilters';
import { HistoryList } from '../../components/popup/HistoryList';
import { IgnoredNotice } from '../../components/popup/IgnoredNotice';
import { Notice } from '../../components/popup/Notice';
import { ReadOnlyNote } from '../../components/popup/ReadOnlyNote';
import { adminRefusal } from '../../lib/popup/describe-author';
import type { BackupRecord } from '../../lib/journal/backup-record';
import type { SyncHeader } from '../../lib/popup/describe-outbox';
import type { WorkspaceFacts } from '../../lib/storage';
import { useEntryActions } from '../../lib/popup/use-entry-actions';
import type { useHistory } from '../../lib/popup/use-history';
import type { useSelection } from '../../lib/popup/use-selection';
import type { useWorkspaces } from '../../lib/popup/use-workspaces';

interface Props {
  /** Covered by a restore or a diff (kept in the page, with its scroll and focus, for the way back). */
  covered: boolean;
  loading: boolean;
  error: string | null;
  history: ReturnType<typeof useHistory>;
  ws: ReturnType<typeof useWorkspaces>;
  selection: ReturnType<typeof useSelection>;
  now: number;
  sync: SyncHeader;
  /** What Convex said of each workspace's key (read-only pin and delete for a capture key). */
  facts: Record<string, WorkspaceFacts>;
  /** Storage is full: new backups are held aside and do not show here yet. */
  held: boolean;
  /** Beside the filters: the tools menu. */
  tools: ReactNode;
  onRestore: (record: BackupRecord) => void;
  onDiff: (record: BackupRecord) => void;
}

/** The history of the selected workspace: filters, the tools menu, and the entries with their actions. */
export function HistoryView({
  covered,
  loading,
  error,
  history,
  ws,
  selection,
  now,
  sync,
  facts,
  held,
  ...on
}: Props) {
  const actions = useEntryActions(ws.selected);
  const problem = error ?? history.error ?? actions.error;
  const refusal = ws.selected ? adminRefusal(facts[ws.selected]) : null;
  // Whether the empty message replaced listed entries (the last one deleted): it may then take their focus.
  const listing = !loading && history.visible.length > 0;
  const [wasListing, setWasListing] = useState(listing);
  const [afterEntries, setAfterEntries] = useState(false);
  if (wasListing !== listing) {
    // Adjusting state while rendering is React's documented way to follow a change of what is rendered.
    setWasListing(listing);
    setAfterEntries(wasListing);
  }
  return (
    <section className={covered ? 'history covered' : 'history'} aria-label="History">
      <div className="history-bar">
        <HistoryFilters
          workspaces={ws.workspaces}
          workspace={ws.selected}
          onWorkspace={ws.select}
          sections={history.sections}
          filter={history.filter}
          onFilter={history.setFilter}
        />
        {on.tools}
      </div>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {actions.ignored ? (
        <IgnoredNotice ignored={actions.ignored} onCaptureAgain={() => void actions.captureAgain()} />
      ) : null}
      {refusal && !loading && history.visible.length > 0 ? <ReadOnlyNote refusal={refusal} /> : null}
      {loading ? (
        <HistoryEmpty state="loading" />
      ) : history.visible.length === 0 ? (
        <HistoryEmpty
          state={history.records.length ? 'filtered' : held ? 'held' : 'empty'}
          afterEntries={afterEntries}
        />
      ) : (
        <HistoryList
          records={history.visible}
          scrollKey={`${ws.selected}\n${history.filter.section}\n${history.filter.search}`}
          total={history.total}
          now={now}
          sync={sync}
          selected={selection.ids}
          confirming={actions.confirming}
          facts={facts}
          onRestore={on.onRestore}
          onDiff={on.onDiff}
          onTogglePin={(record) => void actions.togglePin(record)}
          onAsk={actions.ask}
          onConfirm={(id, kind) => void actions.confirm(id, kind)}
          onCancel={actions.cancel}
          onToggleSelect={selection.toggle}
        />
      )}
    </section>
  );
}
