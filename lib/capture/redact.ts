import { secretReasonForControl } from './secret-control';
import { secretReasonForEmbedded } from './secret-embedded';
import { secretReasonForKey } from './secret-key';
import { namesPublicValue } from './secret-public-name';
import { isBareTokenName, PLAIN_NUMBER } from './secret-token-count';
import { userRule } from './secret-user-rule';
import { secretReasonForValue } from './secret-value';
import { weakNameReason } from './secret-weak-name';
import type { RawField } from './snapshot-draft';

export { secretReasonForKey } from './secret-key';
export { secretReasonForNamedValue } from './secret-named-value';
export { userRule } from './secret-user-rule';
export { secretReasonForValue } from './secret-value';

/** Control types whose values are numbers, switches or choices: a count such as `token` = 5, never a token. */
const NON_TEXT_TYPES = new Set([
  'number',
  'range',
  'checkbox',
  'radio',
  'date',
  'time',
  'color',
  'select-one',
]);

/** Why one name of a field (name, id, label) makes its value a secret, or null. */
function reasonForName(name: string, raw: RawField): string | null {
  const reason = secretReasonForKey(name);
  if (reason) {
    const isCount =
      NON_TEXT_TYPES.has(raw.type) || (typeof raw.value === 'string' && PLAIN_NUMBER.test(raw.value));
    return reason === 'key:token' && isCount && isBareTokenName(name) ? null : reason;
  }
  return typeof raw.value === 'string' && !NON_TEXT_TYPES.has(raw.type)
    ? weakNameReason(name, raw.value)
    : null;
}

/**
 * Why a field's text is a secret by itself: a secret-looking value (merely random is not enough when a name says
 * it is an id or a public key), or JSON or form data holding one.
 */
function reasonForText(value: string, names: string[]): string | null {
  const reason = secretReasonForValue(value);
  if (reason === 'value:high-entropy' && names.some(namesPublicValue)) return null;
  return reason ?? secretReasonForEmbedded(value);
}

/**
 * Why a field read from the page is a secret, or null: the user's own list, `type=password`, a secret autocomplete
 * token, a name/id/label naming a secret (or an ambiguous one, `key`/`auth`/`sig`, over a credential-shaped value),
 * or a value that looks like one. Checkbox states are never secrets.
 */
export function secretReasonForField(raw: RawField, extraLeftOut: readonly string[] = []): string | null {
  const { locator } = raw;
  const names = [raw.key, locator.name, locator.id, locator.label, locator.ariaLabel].filter(
    (name): name is string => !!name,
  );
  if (userRule(extraLeftOut)(names)) return 'user-rule';
  const control = secretReasonForControl(raw.type, raw.autocomplete);
  if (control) return control;
  if (typeof raw.value === 'boolean') return null;
  for (const name of names) {
    const reason = reasonForName(name, raw);
    if (reason) return reason;
  }
  for (const value of Array.isArray(raw.value) ? raw.value : [raw.value]) {
    const reason = reasonForText(value, names);
    if (reason) return reason;
  }
  return null;
}
