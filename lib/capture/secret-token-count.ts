import { keyWords } from './secret-key';

/** A short plain number: what a limit looks like, as opposed to a token. */
export const PLAIN_NUMBER = /^-?\d{1,12}(?:\.\d+)?$/;

/** True for the bare name `token` (or `tokens`): in an LLM setting, a count rather than a credential. */
export function isBareTokenName(key: string): boolean {
  const words = keyWords(key.slice(0, 200)).filter((word) => !/^\d+$/.test(word));
  return words.length === 1 && (words[0] === 'token' || words[0] === 'tokens');
}

/**
 * True when a number under `key` is a count rather than a secret: only under the bare name `token` (`token: 4096`).
 * A qualified token (`verification_token: 482913`) is a one-time code, and a PIN or a card number is a number too.
 */
export function isTokenCount(key: string, value: unknown): boolean {
  return isBareTokenName(key) && (typeof value === 'number' || PLAIN_NUMBER.test(String(value)));
}
