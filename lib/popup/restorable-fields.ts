import type { FieldChange } from '../diff/diff-snapshots';
import type { RestorePreview } from '../messaging';

/** Whether a restore can put this field back: secrets are never stored, and a field missing from the backup has no value. */
export function isRestorable(change: FieldChange): boolean {
  return !change.secret && change.kind !== 'removed';
}

/**
 * The fields ticked when a preview opens: the restorable ones that differ from the page. Compared with the
 * dashboard's own read, only those it shows with another value: a value its read does not show (Node-RED keeps
 * `telemetryEnabled` elsewhere) is offered, not ticked, so "5 fields differ" restores 5.
 */
export function defaultSelection(
  changes: FieldChange[],
  comparedWith?: RestorePreview['comparedWith'],
): Set<string> {
  return new Set(
    changes
      .filter(
        (change) =>
          isRestorable(change) &&
          (comparedWith === 'server' ? change.kind === 'changed' : change.kind !== 'unchanged'),
      )
      .map((change) => change.key),
  );
}
