import { withBidiControlsShown } from '../capture/clean-text';
import type { FieldValue } from '../capture/snapshot';
import type { FieldChange } from '../diff/diff-snapshots';

/**
 * A field value as shown in diffs, previews and reports: text as is but for bidi controls, written out (they would
 * reorder it unseen), checkboxes on/off, lists joined; absent and empty said so.
 */
export function formatValue(value: FieldValue | undefined, texts?: Record<string, string>): string {
  if (value === undefined) return '(not present)';
  if (value === null) return '(empty)';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  // A drop-down's option is shown by the text its page shows for it, where that is known.
  const shown = (one: string) =>
    withBidiControlsShown(texts && Object.hasOwn(texts, one) ? (texts[one] ?? one) : one);
  if (Array.isArray(value)) return value.length ? value.map(shown).join(', ') : '(none selected)';
  return value === '' ? '(empty)' : shown(value);
}

/** What each kind of left-out secret shows instead of values (`after` is the backup looked at). */
const SECRET_TEXT: Record<NonNullable<FieldChange['secret']>, string> = {
  changed: 'left out (changed)',
  unchanged: 'left out (unchanged)',
  unknown: 'left out (not comparable across devices)',
  added: 'left out (only in this backup)',
  removed: 'left out (not in this backup)',
  alone: 'left out',
  unmatched: 'left out (not comparable: kept as is on the other side)',
};

/**
 * What a secret field shows instead of its values: "left out (changed)", "left out (unchanged)", across devices
 * that it cannot tell, or that only one side has the field.
 */
export function secretText(change: Pick<FieldChange, 'secret'>): string | null {
  return change.secret ? SECRET_TEXT[change.secret] : null;
}
