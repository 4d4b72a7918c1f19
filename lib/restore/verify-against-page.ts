import type { Snapshot } from '../capture/snapshot';
import type { FieldReport } from '../messaging/apply-report';
import { sameValue } from './same-value';

/** What the save's capture can be wrong about: a value it says was kept, or one it says the save did not carry. */
const SENT = new Set(['applied', 'changed-by-dashboard']);

/**
 * Field by field, what the dashboard kept of a restore through a posted form, by the section as the page the
 * dashboard answered the post with shows it: the form drawn from what the server now holds, where the capture
 * holds only what the form posted. A field shown as restored is `applied`; shown otherwise, `changed-by-dashboard`
 * with what the page shows. A field the page does not show (or shows as a secret) keeps its verdict.
 */
export function verifyAgainstPage(fields: FieldReport[], shown: Snapshot): FieldReport[] {
  const byKey = new Map(shown.fields.map((field) => [field.key, field]));
  return fields.map((field) => {
    const now = byKey.get(field.key);
    if (!SENT.has(field.outcome) || !now || now.secret || now.value === null) return field;
    const texts = now.texts ? { texts: now.texts } : {};
    return sameValue(now.value, field.expected)
      ? { ...field, outcome: 'applied', actual: now.value, ...texts }
      : { ...field, outcome: 'changed-by-dashboard', actual: now.value, ...texts };
  });
}
