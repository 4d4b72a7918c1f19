import { bodyEntries, toFieldValue } from '../capture/body-to-fields';
import type { FieldReport } from '../messaging/apply-report';

/** What the save's capture can be wrong about: a value it says was kept, or one it says the save did not carry. */
const SENT = new Set(['applied', 'changed-by-dashboard']);

/**
 * Field by field, what the dashboard kept of a restore through its page's Save, by the section read again after
 * the save: the read is the dashboard's word, the capture only what the page sent. A field the read shows as
 * restored is `applied`; shown otherwise, `changed-by-dashboard` with what the dashboard holds (a server may accept
 * a save and drop or change a value in it without a word). A field the read does not show keeps its verdict.
 */
export function verifyAgainstRead(fields: FieldReport[], read: unknown): FieldReport[] {
  const held = new Map(bodyEntries(read).map((entry) => [entry.key, entry.value]));
  return fields.map((field) => {
    if (!SENT.has(field.outcome) || !held.has(field.key)) return field;
    const actual = toFieldValue(held.get(field.key), field.expected ?? undefined);
    return JSON.stringify(actual) === JSON.stringify(field.expected)
      ? { ...field, outcome: 'applied', actual }
      : { ...field, outcome: 'changed-by-dashboard', actual };
  });
}
