import { namesPublicValue } from './secret-public-name';
import { secretReasonForKey } from './secret-key';
import { isTokenCount } from './secret-token-count';
import { secretReasonForValue } from './secret-value';
import { weakNameReason } from './secret-weak-name';

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
