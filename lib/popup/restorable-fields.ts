import type { FieldChange } from '../diff/diff-snapshots';

/** Whether a restore can put this field back: secrets are never stored, and a field missing from the backup has no value. */
export function isRestorable(change: FieldChange): boolean {
  return !change.secret && change.kind !== 'removed';
}

/** The fields ticked when a preview opens: the restorable ones that differ from the page. */
export function defaultSelection(changes: FieldChange[]): Set<string> {
  return new Set(
    changes
      .filter((change) => isRestorable(change) && change.kind !== 'unchanged')
      .map((change) => change.key),
  );
}
