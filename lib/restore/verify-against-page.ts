import type { CapturedField } from '../capture/snapshot';
import type { FieldReport } from '../messaging/apply-report';
import { sameValue } from './same-value';
import { SENT_OUTCOMES } from './sent-outcomes';

/**
 * Field by field, what the dashboard kept of a restore through its page, by the section as `shown` holds it: the
 * page the dashboard answered a posted form with (the form drawn from what the server now holds), or the capture of
 * the restore's save (verify-saved-fields.ts). A field shown as restored is `applied`; shown otherwise,
 * `changed-by-dashboard` with what is shown. A field `shown` lacks (or holds as a secret) keeps its verdict, or,
 * with `missing` "changed", was not kept (the capture of a save is all of what it sent).
 */
export function verifyAgainstPage(
  fields: FieldReport[],
  shown: { fields: Pick<CapturedField, 'key' | 'value' | 'texts'>[] },
  missing: 'keep' | 'changed' = 'keep',
): FieldReport[] {
  const byKey = new Map(shown.fields.map((field) => [field.key, field]));
  return fields.map((field) => {
    const now = byKey.get(field.key);
    if (!SENT_OUTCOMES.has(field.outcome) || (missing === 'keep' && (now?.value ?? null) === null))
      return field;
    const actual = now?.value ?? null;
    const texts = now?.texts ? { texts: now.texts } : {};
    return sameValue(actual, field.expected)
      ? { ...field, outcome: 'applied', actual, ...texts }
      : { ...field, outcome: 'changed-by-dashboard', actual, ...texts };
  });
}
