import { bodyEntries } from '../capture/body-to-fields';
import type { FieldReport } from '../messaging/apply-report';
import { verifyKept } from './verify-kept';

/**
 * Field by field, what the dashboard kept of a restore, by the section read again after its save: the read is the
 * dashboard's word, the capture only what the page sent. A field the read shows as restored is `applied`; shown
 * otherwise, `changed-by-dashboard` with what the dashboard holds (a server may accept a save and drop or change a
 * value in it without a word). A field the read does not show keeps its verdict. Values compare as the dashboard
 * writes them back (same-setting.ts): `40` and `"40"` are the same setting.
 */
export function verifyAgainstRead(fields: FieldReport[], read: unknown): FieldReport[] {
  return verifyKept(fields, { fields: bodyEntries(read) });
}
