import { secretReasonForControl } from './secret-control';
import { keyWords, secretReasonForKey } from './secret-key';
import { secretReasonForValue } from './secret-value';
import type { RawField } from './snapshot-draft';

export { secretReasonForKey } from './secret-key';
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
/** A short plain number: what a limit looks like, as opposed to a token. */
const PLAIN_NUMBER = /^-?\d{1,12}(?:\.\d+)?$/;

/** Lowercase letters and digits only, so a user rule "API key" matches `apiKey`, `api_key` and `API-Key`. */
function squash(text: string): string {
  return keyWords(text).join('');
}

/** A test of names (key, name, id, label or body path) against the user's extra left-out list, case-blind. */
export function userRule(extraLeftOut: readonly string[]): (names: readonly string[]) => boolean {
  const wanted = new Set(extraLeftOut.map(squash).filter(Boolean));
  return (names) => wanted.size > 0 && names.some((name) => wanted.has(squash(name)));
}

/**
 * Why a value stored under `key` is a secret, or null. A boolean is never a secret (it is a switch), and a number
 * under a `token`-named key is a limit (`token: 4096`), not a token; any other number under a secret name is kept
 * secret, since PINs and card numbers are numbers too.
 */
export function secretReasonForNamedValue(key: string, value: unknown): string | null {
  if (typeof value === 'boolean') return null;
  const reason = secretReasonForKey(key);
  if (reason === 'key:token' && (typeof value === 'number' || PLAIN_NUMBER.test(String(value)))) return null;
  if (reason) return reason;
  if (typeof value === 'string') return secretReasonForValue(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return secretReasonForValue(String(value));
  return null;
}

/**
 * Why a field read from the page is a secret, or null: the user's own list, `type=password`, a secret autocomplete
 * token, a name/id/label naming a secret, or a value that looks like one. Checkbox states are never secrets.
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
    const reason = secretReasonForKey(name);
    if (!reason) continue;
    const isCount =
      NON_TEXT_TYPES.has(raw.type) || (typeof raw.value === 'string' && PLAIN_NUMBER.test(raw.value));
    if (reason === 'key:token' && isCount) continue;
    return reason;
  }
  const values = Array.isArray(raw.value) ? raw.value : [raw.value];
  for (const value of values) {
    const reason = secretReasonForValue(value);
    if (reason) return reason;
  }
  return null;
}
