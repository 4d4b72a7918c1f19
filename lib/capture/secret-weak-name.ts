import { namesPublicValue } from './secret-public-name';
import { keyWords } from './secret-key';
import { looksLikeToken } from './secret-token-shape';

/**
 * Last words that name a credential only when the value looks like one, with the category they then get: `key`
 * (`?key=…`, `{ key }`), `auth`, `sig`/`signature`/`hmac` (signed URLs), `code` (an OAuth redirect's `?code=`).
 * By name alone they would take `{ key: 'dark-mode' }`, `auth: 'oauth2'` and an e-mail signature.
 */
const WEAK_WORDS: Record<string, string> = {
  key: 'api-key',
  keys: 'api-key',
  auth: 'credential',
  login: 'credential',
  userinfo: 'credential',
  sig: 'signature',
  signature: 'signature',
  hmac: 'signature',
  code: 'otp',
};
/** Categories whose names hold `user:password` pairs (`auth: 'admin:pw'`, `proxyAuth`, `basicAuth`). */
const USER_PASSWORD_CATEGORIES = new Set(['credential']);
/** Words before the weak word that make the name an ordinary setting (`sortKey`, `countryCode`, `publicKey`). */
const ORDINARY_BEFORE = new Set(
  (
    'sort primary foreign partition cache hot shortcut keyboard translation i18n idempotency public dedup ' +
    'dedupe unique routing group row column object lookup map country language lang currency zip postal area ' +
    'promo coupon discount color colour status error exit qr bar barcode source embed product short hash ' +
    'locale region iata icao airport postcode dial phone tax html css js snippet max min use enable has'
  ).split(' '),
);

/** An environment variable's name ending in `_KEY` or `_KEYS` after a word of its own (`STRIPE_KEY`, `SENDGRID_KEY`). */
const ENV_KEY_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_KEYS?$/;
/**
 * Words that make such a name the name of a thing rather than a service's key: an i18n message (`SAVE_BUTTON_KEY`),
 * a flag, a lock or queue in Redis or Kafka, a keyboard shortcut, a list of field names (`LOG_REDACT_KEYS`). Their
 * values are kept unless they look like a credential.
 */
const NAMES_A_THING = new Set(
  (
    'message messages msg button label title text string page screen tooltip placeholder heading menu flag ' +
    'feature toggle experiment variant lock queue stream topic event job undo redo submit cancel escape enter ' +
    'nav navigation arrow allowed required ignored excluded redact redacted masked'
  ).split(' '),
);

/**
 * `key:<category>` when `key`'s last word is one of the ambiguous credential words and `value` looks like a
 * credential (`looksLikeToken`), else null. Numbers and switches never do. An environment variable named after a
 * service's key (`STRIPE_KEY`) holds that key whatever its value looks like (a test key, a short one).
 */
export function weakNameReason(key: string, value: unknown): string | null {
  if (typeof value !== 'string' || namesPublicValue(key)) return null;
  const words = keyWords(key.slice(0, 200)).filter((word) => !/^\d+$/.test(word));
  const category = WEAK_WORDS[words[words.length - 1] ?? ''];
  if (!category || words.slice(0, -1).some((word) => ORDINARY_BEFORE.has(word))) return null;
  if (ENV_KEY_NAME.test(key) && value.trim() !== '' && !words.some((word) => NAMES_A_THING.has(word)))
    return `key:${category}`;
  return looksLikeToken(value, USER_PASSWORD_CATEGORIES.has(category)) ? `key:${category}` : null;
}
