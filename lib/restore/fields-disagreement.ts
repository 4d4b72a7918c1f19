import { getAtPath, resolveKey } from '../capture/body-path';
import { structuredBody, toFieldValue } from '../capture/body-to-fields';
import { LEFT_OUT } from '../capture/limits';
import type { Snapshot } from '../capture/snapshot';

/**
 * Why a backup cannot be restored by its save request because its fields and that request disagree, or null when
 * they agree. The preview shows the fields and a restore by request sends values from the request's body, so a
 * backup made to show one value and send another (an edited import, a crafted pull) must not be sent at all. A
 * capture's fields are read from, or overridden by, the body it sent, so Savepoint's own backups always agree.
 */
export function fieldsDisagreement(backup: Snapshot): string | null {
  const saved = structuredBody(backup.request?.body);
  for (const field of backup.fields) {
    if (field.secret || field.value === null) continue;
    const segments = resolveKey(saved, field.key);
    const sent = segments ? getAtPath(saved, segments) : undefined;
    if (sent === undefined || sent === LEFT_OUT) continue;
    if (JSON.stringify(toFieldValue(sent, field.value)) !== JSON.stringify(field.value)) {
      return `This backup shows one value for ${field.label || field.key} and its save request holds another, so Savepoint does not send it`;
    }
  }
  return null;
}
