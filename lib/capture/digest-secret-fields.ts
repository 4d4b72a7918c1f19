import { digestValue } from './digest-value';
import { secretReasonForControl } from './secret-control';
import type { RawField } from './snapshot-draft';

/**
 * The fields as they may leave the page: a password or secret-autocomplete field carries the SHA-256 of its value
 * (flagged `digested`) instead of the value, so its plain text never reaches the extension's background.
 */
export function digestSecretFields(fields: RawField[]): Promise<RawField[]> {
  return Promise.all(
    fields.map(async (field) =>
      secretReasonForControl(field.type, field.autocomplete)
        ? { ...field, value: await digestValue(field.value), digested: true as const }
        : field,
    ),
  );
}
