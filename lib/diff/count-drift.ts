import type { CapturedField, Snapshot } from '../capture/snapshot';
import { diffSnapshots, type DiffOptions } from './diff-snapshots';

/** The page field that is a backup field: same key, else the same control (name or id). */
function pageFieldFor(field: CapturedField, shown: readonly CapturedField[]): CapturedField | undefined {
  const { name, id } = field.locator;
  return (
    shown.find((other) => other.key === field.key) ??
    shown.find((other) => (name && other.locator.name === name) || (id && other.locator.id === id))
  );
}

/**
 * How many of a backup's fields the page now shows with another value. Only fields the page shows count: a backup
 * made from the dashboard's save request holds values no form on the page displays, and those are not "changed".
 */
export function countDrift(
  backup: Pick<Snapshot, 'fields'>,
  shown: Pick<Snapshot, 'fields'>,
  options: DiffOptions = {},
): number {
  const pairs = backup.fields.flatMap((field) => {
    const page = pageFieldFor(field, shown.fields);
    return page ? [{ before: field, after: { ...page, key: field.key } }] : [];
  });
  const changes = diffSnapshots(
    { fields: pairs.map((pair) => pair.before) },
    { fields: pairs.map((pair) => pair.after) },
    options,
  );
  return changes.filter((change) => change.kind !== 'unchanged').length;
}
