import { DiffPanel } from '../../components/popup/DiffPanel';
import { FlowPanel } from '../../components/popup/FlowPanel';
import type { BackupRecord } from '../../lib/journal/backup-record';
import type { Journal } from '../../lib/journal/create-journal';
import { useDiff } from '../../lib/popup/use-diff';

interface Props {
  journal: Journal | null;
  /** The workspace's history, newest first: where the previous backup and the other candidates come from. */
  records: BackupRecord[];
  record: BackupRecord;
  against: 'previous' | 'page';
  tabId: number | null;
  now: number;
  canCompareWithPage: boolean;
  onClose: () => void;
}

/** One backup compared field by field with another backup of its section or with the page. */
export function DiffView({
  journal,
  records,
  record,
  against,
  tabId,
  now,
  canCompareWithPage,
  onClose,
}: Props) {
  const diff = useDiff(journal, records, tabId, record, against);
  return (
    <FlowPanel title={`Diff: ${record.title || record.type}`} onBack={onClose}>
      <DiffPanel
        against={diff.against}
        pageSince={diff.pageSince}
        candidates={diff.candidates}
        changes={diff.changes}
        loading={diff.loading}
        error={diff.error}
        now={now}
        canCompareWithPage={canCompareWithPage}
        showUnchanged={diff.showUnchanged}
        onShowUnchanged={diff.setShowUnchanged}
        onAgainst={diff.setAgainst}
      />
    </FlowPanel>
  );
}
