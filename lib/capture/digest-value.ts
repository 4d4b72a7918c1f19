import type { RawField } from './snapshot-draft';
import { sha256Hex } from './sha256-hex';

/**
 * SHA-256 hex of a field value (text as it is, a checkbox state or a list as JSON): what a secret's salted hash is
 * built over. The page and the background both digest through this, so a secret hashes the same on either side.
 */
export function digestValue(value: RawField['value']): Promise<string> {
  return sha256Hex(typeof value === 'string' ? value : JSON.stringify(value));
}
