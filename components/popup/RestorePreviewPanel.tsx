import { useState, type ReactNode } from 'react';
import type { RestorePreview } from '../../lib/messaging';
import { formatValue } from '../../lib/popup/format-value';
import { isRestorable } from '../../lib/popup/restorable-fields';
import { absoluteTime } from '../../lib/time';
import { BusyButton } from './BusyButton';
import { ChangeTable } from './ChangeTable';
import { ShowUnchangedToggle } from './ShowUnchangedToggle';

/** What the preview compares the backup with, as its summary names it. */
const AGAINST = { page: 'the page', server: 'the dashboard', backup: 'the newest backup' } as const;
/** The values column's heading, by what the backup is compared with. */
const COLUMN = {
  page: 'Page now → backup',
  server: 'Dashboard now → backup',
  backup: 'Newest backup → backup',
} as const;

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Props {
  preview: RestorePreview;
  when: ReactNode;
  selected: Set<string>;
  busy: boolean;
  onToggle: (key: string) => void;
  onApply: () => void;
  onCancel: () => void;
}

/** What a restore would change, field by field (page now → backup), with the fields to restore ticked. */
export function RestorePreviewPanel({ preview, when, selected, busy, onToggle, onApply, onCancel }: Props) {
  const count = selected.size;
  // The dashboard's read may not show every saved value (Node-RED keeps telemetryEnabled elsewhere): those are
  // restorable, but not counted as differing.
  const differing = preview.changes.filter((change) =>
    preview.comparedWith === 'server' ? change.kind === 'changed' : change.kind !== 'unchanged',
  ).length;
  // A page loaded again before the restore fills it is compared as the dashboard saved it, its edits dropped.
  const asSaved = preview.comparedAsSaved === true;
  const against = asSaved ? 'the page as saved' : AGAINST[preview.comparedWith ?? 'page'];
  // A large section (DokuWiki's configuration: 170 fields) lists what differs, and what is ticked; the unchanged
  // fields on request. With nothing to compare with, every field is listed (the form is not on the page and the
  // section has no other backup).
  const [showUnchanged, setShowUnchanged] = useState(false);
  // An edit on the page the dashboard did not save, in a field left unticked, is put back as saved (the page's
  // Save sends its whole form): said on its row, which is never hidden.
  const unsaved = new Map((preview.unsaved ?? []).map((field) => [field.key, field]));
  // A secret the dashboard held set cannot be put back (its value is never stored): the restore saves nothing.
  const typedSecret = [...unsaved.values()].some((field) => field.secret && field.value === null);
  // A field the form keeps disabled is left as it is, unless a field restored with it (a toggle) enables it.
  const locked = new Set(preview.locked ?? []);
  const note = (key: string) => {
    if (locked.has(key))
      return 'Locked on the page now: restored only if a field restored with it unlocks it';
    const field = selected.has(key) ? undefined : unsaved.get(key);
    if (!field) return null;
    // Loaded again, the page shows what the dashboard holds then, which may be newer than what this browser saw.
    if (preview.reloads) return 'Unsaved edit on the page: dropped when the page loads again';
    return field.secret && field.value === null
      ? 'Unsaved edit on the page, a secret Savepoint cannot put back: nothing is saved until you save or undo it there'
      : `Unsaved edit on the page: put back as saved, ${formatValue(field.value, field.texts)}`;
  };
  const hideable = preview.comparedWith
    ? preview.changes.filter(
        (change) => change.kind === 'unchanged' && !selected.has(change.key) && !unsaved.has(change.key),
      )
    : [];
  const listed = showUnchanged
    ? preview.changes
    : preview.changes.filter((change) => !hideable.includes(change));
  return (
    <>
      <p className="panel-sub">
        Backup from {when}.{' '}
        {preview.comparedWith
          ? differing
            ? `${differing} ${differing === 1 ? 'field differs' : 'fields differ'} from ${against}.`
            : `${upperFirst(against)} already matches this backup.`
          : null}
        {locked.size
          ? differing === 1
            ? ' It is locked on the page.'
            : ` ${locked.size} of them ${locked.size === 1 ? 'is' : 'are'} locked on the page.`
          : null}
        {preview.comparedWith === 'backup' ? ' ' : null}
        {!preview.comparedWith || preview.comparedWith === 'backup'
          ? preview.request || preview.refusal
            ? 'This section is not on the page in this tab.'
            : 'This section is not on the page in this tab: Savepoint opens the dashboard to restore it.'
          : null}
      </p>
      {preview.reloads ? (
        <p className="panel-sub" data-testid="restore-reloads">
          Savepoint loads this page again before it fills the form: the fields you leave unticked keep what
          the dashboard holds then, with any save made since this page loaded (in another tab or by a
          teammate).
        </p>
      ) : null}
      {preview.comparedBackup ? (
        <p className="panel-sub" data-testid="restore-compared-backup">
          Compared with the newest backup of this section, from{' '}
          <time dateTime={new Date(preview.comparedBackup.capturedAt).toISOString()}>
            {absoluteTime(preview.comparedBackup.capturedAt)}
          </time>
          : the form is not here to read, and it is what Savepoint last saw the dashboard save.
        </p>
      ) : null}
      {preview.request ? (
        <p className="panel-sub" data-testid="restore-request">
          Its form is not on the page, so Savepoint sends the dashboard&apos;s own save,{' '}
          <code>
            {preview.request.method} {preview.request.url}
          </code>
          , with the ticked fields on top of what the dashboard has now, then reads it back.
        </p>
      ) : null}
      {preview.refusal ? (
        <p className="report-summary tone-error" role="alert">
          Not restorable from here: {preview.refusal}.
        </p>
      ) : null}
      {listed.length > 0 ? (
        <ChangeTable
          changes={listed}
          column={
            asSaved
              ? 'Page as saved → backup'
              : preview.comparedWith
                ? COLUMN[preview.comparedWith]
                : 'Backup value'
          }
          ticks={{ selected, canTick: isRestorable, disabled: busy, onToggle, note }}
        />
      ) : null}
      <ShowUnchangedToggle hidden={hideable.length} checked={showUnchanged} onChange={setShowUnchanged} />
      <div className="row panel-actions">
        <BusyButton
          className="button primary"
          busy={busy}
          busyText="Restoring…"
          unavailable={count === 0 || !!preview.refusal || typedSecret}
          onPress={onApply}
        >
          {`Restore ${count} ${count === 1 ? 'field' : 'fields'}`}
        </BusyButton>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </>
  );
}
