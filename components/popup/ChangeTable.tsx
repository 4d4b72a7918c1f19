import type { FieldChange } from '../../lib/diff/diff-snapshots';
import { ChangeValues } from './ChangeValues';

/** Ticking fields in the table (a restore preview): which are ticked, which may be, and what a tick does. */
export interface ChangeTicks {
  selected: Set<string>;
  canTick: (change: FieldChange) => boolean;
  disabled: boolean;
  onToggle: (key: string) => void;
  /** A word under a field's values on what the restore does to it besides (an unsaved edit put back). */
  note?: (key: string) => string | null;
}

interface Props {
  changes: FieldChange[];
  /** Heading of the values column ("Page now → backup"). */
  column: string;
  ticks?: ChangeTicks;
}

/** Field by field "before → after": the one change table of the diff and of the restore preview. */
export function ChangeTable({ changes, column, ticks }: Props) {
  return (
    <table className="changes">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">{column}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.key} className={`kind-${change.kind}`}>
            <th scope="row">
              {ticks ? (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={ticks.selected.has(change.key)}
                    disabled={!ticks.canTick(change) || ticks.disabled}
                    onChange={() => ticks.onToggle(change.key)}
                  />
                  <span>{change.label}</span>
                </label>
              ) : (
                change.label
              )}
            </th>
            <td>
              <ChangeValues change={change} />
              {ticks?.note?.(change.key) ? (
                <span className="hint change-note">{ticks.note(change.key)}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
