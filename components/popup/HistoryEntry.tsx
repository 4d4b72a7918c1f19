import { useRef } from 'react';
import type { BackupRecord } from '../../lib/journal/backup-record';
import { describeAuthor } from '../../lib/popup/describe-author';
import { describeChanges } from '../../lib/popup/describe-changes';
import { describeOutbox, type SyncHeader } from '../../lib/popup/describe-outbox';
import { formatSize } from '../../lib/popup/format-size';
import { ignoredBy } from '../../lib/popup/ignored-by';
import { useConfirmFocus } from '../../lib/popup/use-confirm-focus';
import type { EntryConfirm } from '../../lib/popup/use-entry-actions';
import { Parts } from './Parts';
import { READ_ONLY_NOTE_ID } from './ReadOnlyNote';
import { RelativeTime } from './RelativeTime';

/** What a history entry can do. */
export interface EntryHandlers {
  onRestore: (record: BackupRecord) => void;
  onDiff: (record: BackupRecord) => void;
  onTogglePin: (record: BackupRecord) => void;
  /** Opens the entry's confirm (and closes any other). */
  onAsk: (id: string, confirm: EntryConfirm) => void;
  onConfirm: (id: string, confirm: EntryConfirm) => void;
  onCancel: () => void;
  onToggleSelect: (id: string) => void;
}

interface Props extends EntryHandlers {
  record: BackupRecord;
  now: number;
  /** What the status header says of the workspace's sync (the entry's hint does not say it again). */
  sync: SyncHeader;
  selected: boolean;
  /** The entry's open confirm, if any. */
  confirming: EntryConfirm | null;
  /** Why restore, pin and delete are disabled here (a capture key; said once above the history), or null. */
  adminRefusal: string | null;
}

/** The id of the line that says where a backup stands with Convex: the list item is described by it. */
export const syncHintId = (id: string) => `entry-${id}-sync`;

/**
 * The ids of what names a backup to a screen reader, its list item and its buttons alike: its section, its label if
 * it has one, and its time ("Bot names Before upgrade 3 minutes ago"), so that backups of one section, most of the
 * history, are told apart.
 */
export function entryNameIds(record: Pick<BackupRecord, 'id' | 'label'>): string {
  const ids = [
    `entry-${record.id}-title`,
    record.label ? `entry-${record.id}-label` : null,
    `entry-${record.id}-time`,
  ];
  return ids.filter(Boolean).join(' ');
}

/** One backup in the history: section, time, source, size, device, changes, label, sync state and actions. */
export function HistoryEntry({ record, now, sync, selected, confirming, adminRefusal, ...on }: Props) {
  const titleId = `entry-${record.id}-title`;
  const nameIds = entryNameIds(record);
  const outbox = describeOutbox(record, sync);
  const inConvex = record.outbox === 'synced' || record.outbox === 'remote';
  const pulled = record.outbox === 'remote';
  const rule = ignoredBy(record);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const notSaveRef = useRef<HTMLButtonElement>(null);
  const confirm = useConfirmFocus(confirming, on.onCancel, cancelRef, {
    delete: deleteRef,
    'not-a-save': notSaveRef,
  });
  return (
    <div className="entry">
      <div className="entry-head">
        <input
          type="checkbox"
          className="entry-select"
          checked={selected}
          onChange={() => on.onToggleSelect(record.id)}
          aria-label="Select for export"
          aria-describedby={nameIds}
        />
        {/* Cut short in a narrow popup: the tooltip names it whole. */}
        <span id={titleId} className="entry-title" title={record.title || record.type}>
          {record.title || record.type}
        </span>
        {record.pinned ? (
          <span
            className="pin-marker"
            title={
              record.pinnedBy ? `Pinned by ${record.pinnedBy}: kept however old` : 'Pinned: kept however old'
            }
            role="img"
            aria-label={record.pinnedBy ? `Pinned by ${record.pinnedBy}` : 'Pinned'}
          >
            ●
          </span>
        ) : null}
        <span className={`badge badge-${record.source}`}>{record.source}</span>
        <span className="entry-time" id={`entry-${record.id}-time`}>
          <RelativeTime at={record.capturedAt} now={now} />
        </span>
      </div>
      <Parts
        as="p"
        className="entry-meta"
        parts={[describeChanges(record.changedFields), formatSize(record.size), ...describeAuthor(record)]}
      />
      {/* A line each, so that a long label does not hide the note; one cut names itself in its tooltip, and is cut
          at its end in its own direction (a right-to-left label keeps its start). */}
      {record.label ? (
        <p className="entry-label" id={`entry-${record.id}-label`} title={record.label} dir="auto">
          <strong>{record.label}</strong>
        </p>
      ) : null}
      {record.note ? (
        <p className="entry-label" title={record.note} dir="auto">
          {record.note}
        </p>
      ) : null}
      {outbox ? (
        <p id={syncHintId(record.id)} className={`entry-outbox tone-${outbox.tone}`}>
          {outbox.text}
        </p>
      ) : null}
      {confirming === 'not-a-save' ? (
        <div
          key="confirm-not-a-save"
          className="entry-actions confirm"
          role="group"
          aria-label="Confirm not a settings save"
          style={{ flexWrap: 'wrap' }}
          onKeyDown={confirm.onKeyDown}
        >
          <span data-testid="not-a-save-question">
            Remove this backup{pulled ? ' here' : ''} and stop capturing{' '}
            {rule ? <code>{rule}</code> : 'this request'}
            {pulled ? ' in this browser? The copy in Convex stays.' : '?'}
            {inConvex && !pulled ? ' The copy already in Convex stays.' : ''}
          </span>
          <button
            type="button"
            className="button small danger"
            onClick={() => on.onConfirm(record.id, 'not-a-save')}
          >
            Not a save
          </button>
          <button type="button" className="button small" onClick={confirm.cancel} ref={cancelRef}>
            Cancel
          </button>
        </div>
      ) : confirming === 'delete' ? (
        <div
          key="confirm-delete"
          className="entry-actions confirm"
          role="group"
          aria-label="Confirm delete"
          onKeyDown={confirm.onKeyDown}
        >
          <span>
            Delete this {record.pinned ? 'pinned backup' : 'backup'}
            {inConvex ? ' here and in Convex, for every device' : ''}?
          </span>
          <button
            type="button"
            className="button small danger"
            onClick={() => on.onConfirm(record.id, 'delete')}
          >
            Delete
          </button>
          <button type="button" className="button small" onClick={confirm.cancel} ref={cancelRef}>
            Cancel
          </button>
        </div>
      ) : (
        // Keyed apart from the confirm rows: React would otherwise reuse their buttons for these, so that the
        // focused Cancel became Pin.
        <div key="actions" className="entry-actions">
          <button
            type="button"
            className="button small"
            onClick={() => on.onRestore(record)}
            aria-describedby={adminRefusal ? `${nameIds} ${READ_ONLY_NOTE_ID}` : nameIds}
            disabled={adminRefusal !== null}
            title={adminRefusal ?? undefined}
          >
            Restore
          </button>
          <button
            type="button"
            className="button small"
            onClick={() => on.onDiff(record)}
            aria-describedby={nameIds}
          >
            Diff
          </button>
          <button
            type="button"
            className="button small"
            onClick={() => on.onTogglePin(record)}
            aria-describedby={adminRefusal ? `${nameIds} ${READ_ONLY_NOTE_ID}` : nameIds}
            disabled={adminRefusal !== null}
            title={adminRefusal ?? undefined}
          >
            {record.pinned ? 'Unpin' : 'Pin'}
          </button>
          <button
            type="button"
            className="button small subtle"
            onClick={() => on.onAsk(record.id, 'delete')}
            ref={deleteRef}
            aria-describedby={adminRefusal ? `${nameIds} ${READ_ONLY_NOTE_ID}` : nameIds}
            disabled={adminRefusal !== null}
            title={adminRefusal ?? undefined}
          >
            Delete
          </button>
          {record.source === 'auto' && rule !== null ? (
            <button
              type="button"
              className="button small subtle"
              onClick={() => on.onAsk(record.id, 'not-a-save')}
              ref={notSaveRef}
              aria-describedby={nameIds}
              title="Not a settings save: remove this backup and ignore its request"
            >
              Not a save
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
