import type { CapturedField, FieldValue, Snapshot } from '../capture/snapshot';

/** One field's difference between two snapshots of a section. */
export interface FieldChange {
  key: string;
  label: string;
  kind: 'changed' | 'added' | 'removed' | 'unchanged';
  before: FieldValue | undefined;
  after: FieldValue | undefined;
  /**
   * For left-out secrets: whether the hidden value changed, `unknown` when the two hashes come from different
   * devices (each salts its own) and say nothing about it, `added`/`removed` when only one side has the field, or
   * `alone` when there is no other side (a first backup, a page that cannot be read), `unmatched` when the other
   * side kept the value as it is (a rule to leave it out came or went in between).
   */
  secret?: 'changed' | 'unchanged' | 'unknown' | 'added' | 'removed' | 'alone' | 'unmatched';
  /** A drop-down's option texts by value, as each side's page showed them (see `CapturedField.texts`). */
  beforeTexts?: Record<string, string>;
  afterTexts?: Record<string, string>;
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** How two snapshots are compared. */
export interface DiffOptions {
  /** False when the two were made on different devices: their secrets' hashes cannot be compared. */
  secretsComparable?: boolean;
}

function compare(
  before: CapturedField | undefined,
  after: CapturedField | undefined,
  { secretsComparable = true }: DiffOptions,
): FieldChange {
  const field = (after ?? before) as CapturedField;
  const base = {
    key: field.key,
    label: field.label || field.key,
    before: before?.value,
    after: after?.value,
    ...(before?.texts ? { beforeTexts: before.texts } : {}),
    ...(after?.texts ? { afterTexts: after.texts } : {}),
  };
  if (!before) return { ...base, kind: 'added', ...(after?.secret ? { secret: 'added' as const } : {}) };
  if (!after) return { ...base, kind: 'removed', ...(before.secret ? { secret: 'removed' as const } : {}) };
  if ((before.secret || after.secret) && !secretsComparable) {
    return { ...base, kind: 'unchanged', secret: 'unknown' };
  }
  // A hash says nothing of a value kept as it is: after an update that leaves out more, an unchanged page would
  // read as changed against every older backup.
  if (!before.secret !== !after.secret) return { ...base, kind: 'unchanged', secret: 'unmatched' };
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
  options: DiffOptions = {},
): FieldChange[] {
  if (!before)
    return after.fields.map((field) => ({
      ...compare(undefined, field, options),
      ...(field.secret ? { secret: 'alone' as const } : {}),
    }));
  const beforeByKey = new Map(before.fields.map((field) => [field.key, field]));
  const changes = after.fields.map((field) => compare(beforeByKey.get(field.key), field, options));
  const afterKeys = new Set(after.fields.map((field) => field.key));
  for (const field of before.fields) {
    if (!afterKeys.has(field.key)) changes.push(compare(field, undefined, options));
  }
  return changes;
}

/** How many fields differ between two snapshots (null when there is nothing to compare with). */
export function countChanges(
  before: Pick<Snapshot, 'fields'> | null,
  after: Pick<Snapshot, 'fields'>,
  options: DiffOptions = {},
): number | null {
  if (!before) return null;
  return diffSnapshots(before, after, options).filter((change) => change.kind !== 'unchanged').length;
}
