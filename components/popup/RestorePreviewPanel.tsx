import type { ReactNode } from 'react';
import type { RestorePreview } from '../../lib/messaging';
import { isRestorable } from '../../lib/popup/restorable-fields';
import { ChangeValues } from './ChangeValues';

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
  const differing = preview.changes.filter((change) => change.kind !== 'unchanged').length;
  return (
    <>
      <p className="panel-sub">
        Backup from {when}.{' '}
        {preview.onPage
          ? differing
            ? `${differing} ${differing === 1 ? 'field differs' : 'fields differ'} from the page.`
            : 'The page already matches this backup.'
          : 'This section is not on the page in this tab: Savepoint opens the dashboard to restore it.'}
      </p>
      <table className="changes">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{preview.onPage ? 'Page now → backup' : 'Backup value'}</th>
          </tr>
        </thead>
        <tbody>
          {preview.changes.map((change) => {
            const restorable = isRestorable(change);
            return (
              <tr key={change.key} className={`kind-${change.kind}`}>
                <th scope="row">
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={selected.has(change.key)}
                      disabled={!restorable || busy}
                      onChange={() => onToggle(change.key)}
                    />
                    <span>{change.label}</span>
                  </label>
                </th>
                <td>
                  <ChangeValues change={change} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row panel-actions">
        <button type="button" className="button primary" onClick={onApply} disabled={busy || count === 0}>
          {busy ? 'Restoring…' : `Restore ${count} ${count === 1 ? 'field' : 'fields'}`}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </>
  );
}
