import { keyWords } from './secret-key';

/** Last words naming an identifier: what a dashboard shows and replays (`docId`, `commitSha`, `priceId`). */
const ID_WORDS = new Set('id ids uid uuid guid sha digest checksum etag revision rev commit slug'.split(' '));
/** Words that declare a key public by design (reCAPTCHA site keys, Stripe publishable keys, VAPID public keys). */
const PUBLIC_WORDS = new Set(['public', 'publishable', 'site']);

/**
 * True when a name says its value is an identifier or a public key. Such values are often random by design, so
 * randomness alone (`value:high-entropy`, an ambiguous `key`) does not make them secrets; a known token prefix, a
 * JWT or a card number under such a name still does.
 */
export function namesPublicValue(key: string): boolean {
  const words = keyWords(key.slice(0, 200)).filter((word) => !/^\d+$/.test(word));
  return ID_WORDS.has(words[words.length - 1] ?? '') || words.some((word) => PUBLIC_WORDS.has(word));
}
