import { useState, type ReactNode } from 'react';
import type { RestorePreview } from '../../lib/messaging';
import { isRestorable } from '../../lib/popup/restorable-fields';
import { ChangeTable } from './ChangeTable';
import { ShowUnchangedToggle } from './ShowUnchangedToggle';

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
  const against = preview.comparedWith === 'server' ? 'the dashboard' : 'the page';
  // A large section (DokuWiki's configuration: 170 fields) lists what differs, and what is ticked; the unchanged
  // fields on request. With nothing to compare with, every field is listed.
  const [showUnchanged, setShowUnchanged] = useState(false);
  const hideable = preview.comparedWith
    ? preview.changes.filter((change) => change.kind === 'unchanged' && !selected.has(change.key))
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
            : `${against === 'the page' ? 'The page' : 'The dashboard'} already matches this backup.`
          : preview.request || preview.refusal
            ? 'This section is not on the page in this tab.'
            : 'This section is not on the page in this tab: Savepoint opens the dashboard to restore it.'}
      </p>
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
            preview.comparedWith === 'server'
              ? 'Dashboard now → backup'
              : preview.comparedWith
                ? 'Page now → backup'
                : 'Backup value'
          }
          ticks={{ selected, canTick: isRestorable, disabled: busy, onToggle }}
        />
      ) : null}
      <ShowUnchangedToggle hidden={hideable.length} checked={showUnchanged} onChange={setShowUnchanged} />
      <div className="row panel-actions">
        <button
          type="button"
          className="button primary"
          onClick={onApply}
          disabled={busy || count === 0 || !!preview.refusal}
        >
          {busy ? 'Restoring…' : `Restore ${count} ${count === 1 ? 'field' : 'fields'}`}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </>
  );
}
