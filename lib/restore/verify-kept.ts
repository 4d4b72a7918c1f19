import { toFieldValue } from '../capture/body-to-fields';
import type { FieldReport } from '../messaging/apply-report';
import { sameSetting } from './same-setting';
import { SENT_OUTCOMES } from './sent-outcomes';

/** A field as something after the save shows it: the page's form (a field's value) or a read (any JSON value). */
interface Shown {
  key: string;
  value: unknown;
  texts?: Record<string, string>;
}

/**
 * Field by field, what the dashboard kept of a restore, by the section as `shown` holds it after the save: the page
 * the dashboard redirected a posted form to, a read of the save's address (verify-against-read.ts), or the capture
 * of the restore's save (verify-saved-fields.ts). A field shown as restored (same-setting.ts) is `applied`; shown
 * otherwise, `changed-by-dashboard` with what is shown. A field `shown` lacks (or holds as a secret) keeps its
 * verdict, or, with `missing` "changed", was not kept (the capture of a save is all of what it sent).
 */
export function verifyKept(
  fields: FieldReport[],
  shown: { fields: Shown[] },
  missing: 'keep' | 'changed' = 'keep',
): FieldReport[] {
  const byKey = new Map(shown.fields.map((field) => [field.key, field]));
  return fields.map((field) => {
    const now = byKey.get(field.key);
    const value = now?.value ?? null;
    if (!SENT_OUTCOMES.has(field.outcome) || (missing === 'keep' && value === null)) return field;
    const actual = value === null ? null : toFieldValue(value, field.expected ?? undefined);
    const texts = now?.texts ? { texts: now.texts } : {};
    return sameSetting(value, field.expected)
      ? { ...field, outcome: 'applied', actual, ...texts }
      : { ...field, outcome: 'changed-by-dashboard', actual, ...texts };
  });
}
