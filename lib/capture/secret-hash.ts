import { digestValue } from './digest-value';
import type { RawField } from './snapshot-draft';
import { sha256Hex } from './sha256-hex';

/**
 * Hash that stands for a left-out secret: SHA-256 of `salt:key:digest`, where `digest` is the value's SHA-256 hex
 * (`digestValue`), taken in the page for a `digested` field and here for any other, so a secret hashes the same
 * whichever side digested it. An empty secret hashes '' like any value, so "set" and "cleared" differ between
 * snapshots while neither is stored.
 */
export async function secretHash(
  salt: string,
  key: string,
  value: RawField['value'],
  digested = false,
): Promise<string> {
  const digest = digested && typeof value === 'string' ? value : await digestValue(value);
  return sha256Hex(`${salt}:${key}:${digest}`);
}
