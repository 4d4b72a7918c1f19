import { namesPublicValue } from './secret-public-name';
import { keyWords, secretReasonForKey } from './secret-key';
import { secretReasonForValue } from './secret-value';
import { weakNameReason } from './secret-weak-name';

/** A short plain number: what a limit looks like, as opposed to a token. */
export const PLAIN_NUMBER = /^-?\d{1,12}(?:\.\d+)?$/;

/**
 * True when a number under `key` is a count rather than a secret: only the bare name `token` (`token: 4096`, an
 * LLM setting) is read so. A qualified token (`verification_token: 482913`) is a one-time code, and a PIN or a
 * card number is a number too.
 */
export function isTokenCount(key: string, value: unknown): boolean {
  const words = keyWords(key.slice(0, 200)).filter((word) => !/^\d+$/.test(word));
  const bare = words.length === 1 && (words[0] === 'token' || words[0] === 'tokens');
  return bare && (typeof value === 'number' || PLAIN_NUMBER.test(String(value)));
}

/** Why a value is a secret by itself, unless it is merely random and its name says it is an id or public. */
export function reasonForValueNamed(key: string, value: string): string | null {
  const reason = secretReasonForValue(value);
  return reason === 'value:high-entropy' && namesPublicValue(key) ? null : reason;
}

/**
 * Why a value stored under `key` is a secret, or null: by the key's name (a boolean is a switch, never a secret;
 * a number under a bare `token` is a limit), by an ambiguous name with a credential-shaped value (`key`, `sig`,
 * `auth`), or by the value alone.
 */
export function secretReasonForNamedValue(key: string, value: unknown): string | null {
  if (typeof value === 'boolean') return null;
  const reason = secretReasonForKey(key);
  if (reason && !(reason === 'key:token' && isTokenCount(key, value))) return reason;
  if (typeof value === 'string') return weakNameReason(key, value) ?? reasonForValueNamed(key, value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return secretReasonForValue(String(value));
  return null;
}
