import type { CapturedField, FieldValue, Snapshot } from '../capture/snapshot';

/** One field's difference between two snapshots of a section. */
export interface FieldChange {
  key: string;
  label: string;
  kind: 'changed' | 'added' | 'removed' | 'unchanged';
  before: FieldValue | undefined;
  after: FieldValue | undefined;
  /** For left-out secrets: whether the hidden value changed. */
  secret?: 'changed' | 'unchanged';
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

function compare(before: CapturedField | undefined, after: CapturedField | undefined): FieldChange {
  const field = (after ?? before) as CapturedField;
  const base = {
    key: field.key,
    label: field.label || field.key,
    before: before?.value,
    after: after?.value,
  };
  if (!before) return { ...base, kind: 'added', ...(after?.secret ? { secret: 'changed' as const } : {}) };
  if (!after) return { ...base, kind: 'removed' };
  if (before.secret || after.secret) {
    const same = before.secret?.hash === after.secret?.hash;
    return { ...base, kind: same ? 'unchanged' : 'changed', secret: same ? 'unchanged' : 'changed' };
  }
  return { ...base, kind: sameValue(before.value, after.value) ? 'unchanged' : 'changed' };
}

/** Field-by-field comparison of two snapshots of one section, in the order the fields appear. */
export function diffSnapshots(
  before: Pick<Snapshot, 'fields'> | null,
  after: Pick<Snapshot, 'fields'>,
): FieldChange[] {
  const beforeByKey = new Map((before?.fields ?? []).map((field) => [field.key, field]));
  const changes = after.fields.map((field) => compare(beforeByKey.get(field.key), field));
  const afterKeys = new Set(after.fields.map((field) => field.key));
  for (const field of before?.fields ?? []) {
    if (!afterKeys.has(field.key)) changes.push(compare(field, undefined));
  }
  return changes;
}

/** How many fields differ between two snapshots (null when there is nothing to compare with). */
export function countChanges(
  before: Pick<Snapshot, 'fields'> | null,
  after: Pick<Snapshot, 'fields'>,
): number | null {
  if (!before) return null;
  return diffSnapshots(before, after).filter((change) => change.kind !== 'unchanged').length;
}
