import type { FieldChange } from '../../lib/diff/diff-snapshots';
import type { BackupRecord } from '../../lib/journal/backup-record';
import type { DiffAgainst } from '../../lib/popup/use-diff';
import { absoluteTime, relativeTime } from '../../lib/time';
import { BusyButton } from './BusyButton';
import { ChangeTable } from './ChangeTable';
import { ShowUnchangedToggle } from './ShowUnchangedToggle';
import { Notice } from './Notice';

/** (options) other backups listed in "Compare with"; older ones are rarely what someone compares against. */
const MAX_CANDIDATES = 200;

const COLUMN: Record<DiffAgainst['kind'], string> = {
  page: 'Page now → this backup',
  backup: 'Other backup → this backup',
  none: 'Value',
};
/** The column of the review of changes made on the page since this backup. */
const SINCE_COLUMN = 'This backup → page now';

interface Props {
  against: DiffAgainst;
  /** The page comparison reads from this backup to the page now (the review of changes made there since). */
  pageSince?: boolean;
  candidates: BackupRecord[];
  changes: FieldChange[] | null;
  loading: boolean;
  error: string | null;
  now: number;
  canCompareWithPage: boolean;
  showUnchanged: boolean;
  onShowUnchanged: (show: boolean) => void;
  onAgainst: (against: DiffAgainst) => void;
}

function againstValue(against: DiffAgainst): string {
  return against.kind === 'backup' ? against.id : against.kind;
}

/** How "Compare with" names another backup: when it was taken, and its label. */
function candidateText(other: BackupRecord, now: number): string {
  const label = other.label ? ` · ${other.label}` : '';
  return `${absoluteTime(other.capturedAt)} (${relativeTime(other.capturedAt, now)})${label}`;
}

const AGAINST_TEXT = { none: 'Nothing (all fields)', page: 'The page now' } as const;

/** The line above the table: compared with nothing, every field is listed, and none of them "differs". */
function summaryOf(against: DiffAgainst, differing: number, since: boolean): string {
  if (against.kind === 'none') return `${differing} ${differing === 1 ? 'field' : 'fields'} in this backup.`;
  if (differing === 0) return 'No differences.';
  if (since)
    return `${differing} ${differing === 1 ? 'field' : 'fields'} changed on the page since this backup.`;
  return `${differing} ${differing === 1 ? 'field differs' : 'fields differ'}.`;
}

/** A backup compared field by field with another backup of its section or with the page as it is now. */
export function DiffPanel(props: Props) {
  const { against, candidates, changes, loading, error, now, showUnchanged } = props;
  const since = Boolean(props.pageSince) && against.kind === 'page';
  const differing = changes?.filter((change) => change.kind !== 'unchanged') ?? [];
  const shown = showUnchanged ? (changes ?? []) : differing;
  const hidden = (changes?.length ?? 0) - differing.length;
  const listed = candidates.slice(0, MAX_CANDIDATES);
  const chosen =
    against.kind === 'backup' ? listed.find((other) => other.id === against.id) : AGAINST_TEXT[against.kind];
  return (
    <>
      <div className="row diff-controls">
        <label className="inline-field">
          <span>Compare with</span>
          <select
            value={againstValue(against)}
            title={typeof chosen === 'object' ? candidateText(chosen, now) : chosen}
            onChange={(event) => {
              const value = event.target.value;
              props.onAgainst(
                value === 'page' || value === 'none' ? { kind: value } : { kind: 'backup', id: value },
              );
            }}
          >
            <option value="none">{AGAINST_TEXT.none}</option>
            {props.canCompareWithPage ? <option value="page">{AGAINST_TEXT.page}</option> : null}
            {listed.map((other) => (
              <option key={other.id} value={other.id}>
                {candidateText(other, now)}
              </option>
            ))}
          </select>
        </label>
        {/* Once the page is what it compares with, pressing it again does nothing: aria-disabled, not disabled,
            which would drop the focus of the keyboard user who just pressed it (see BusyButton). */}
        <BusyButton
          busy={against.kind === 'page'}
          unavailable={!props.canCompareWithPage}
          onPress={() => props.onAgainst({ kind: 'page' })}
        >
          Compare with page
        </BusyButton>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {loading ? <p className="hint">Comparing…</p> : null}
      {changes && !error ? (
        <>
          <p className="panel-sub">{summaryOf(against, differing.length, since)}</p>
          {shown.length ? (
            <ChangeTable changes={shown} column={since ? SINCE_COLUMN : COLUMN[against.kind]} />
          ) : null}
          <ShowUnchangedToggle hidden={hidden} checked={showUnchanged} onChange={props.onShowUnchanged} />
        </>
      ) : null}
    </>
  );
}
