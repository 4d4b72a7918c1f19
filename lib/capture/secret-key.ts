/**
 * Names that mark a secret, by category. A key is split into lowercase words (`x-api-key`, `apiKey`, `API_KEY`
 * → `api key`); a one-word entry matches a word, a spaced entry matches consecutive words.
 */
const TERMS: Record<string, string> = {
  password:
    'password passwd passwort pwd pw pass passphrase passcode passwords psk;pass phrase;pre shared key',
  secret:
    'secret secrets clientsecret secretkey mnemonic salt;seed phrase;secret id;recovery phrase;secret phrase',
  token:
    'token accesstoken refreshtoken authtoken idtoken bearertoken sessiontoken apitoken bearer authorization jwt;' +
    'shared access signature',
  session: 'sessionid sessid phpsessid jsessionid sid cookie cookies;session id;session key',
  'api-key':
    'apikey apikeys xapikey accesskey licensekey accountkey sharedkey;api key;api keys;access key;license key;app key',
  'private-key': 'privatekey privkey pem hmackey;private key;signing key;encryption key;master key;ssh key',
  csrf: 'csrf xsrf csrftoken xsrftoken csrfmiddlewaretoken;csrf token;xsrf token;authenticity token;request verification token',
  otp:
    'otp totp hotp;mfa code;2fa code;one time code;one time password;verification code;auth code;authorization code;' +
    'recovery code;recovery codes;backup code;backup codes',
  pin: 'pin pincode',
  cvv: 'cvv cvc;security code;card verification',
  ssn: 'ssn;social security',
  'card-number': 'creditcard cardnumber ccnumber ccnum;card number;credit card',
  credential: 'credential credentials creds',
};

/**
 * Words that make a following `key` a credential (`sharedKey`, `AccountKey`, `ingestKey`), by category. `key`
 * alone names too many ordinary things (`sortKey`, `primaryKey`, `hotkey`) to be a secret by its name.
 */
const KEY_QUALIFIERS: Record<string, string> = {
  'api-key':
    'account shared ingest ingestion write read admin root service subscription deploy client consumer app auth ' +
    'activation product serial webhook relay instrumentation preshared',
  'private-key':
    'hmac signing sign encryption encrypt decryption cipher crypto aes rsa ssl tls gpg pgp wrap machine',
};

/** Short or common words that name a secret only as the last word (`pin`, not `pinToTop`; `pass`, not `passThrough`). */
const HEAD_ONLY = new Set(['pass', 'pw', 'pin', 'sid', 'pem', 'cookie', 'jwt', 'bearer']);

/** Words after a secret's name that make the key a setting *about* the secret (`passwordMinLength`, `tokenUrl`). */
const ABOUT_AFTER = new Set(
  (
    'length len min max minimum maximum policy policies limit limits count ttl expiry expires expiration expire ' +
    'expired lifetime age enabled enable disabled disable required require rule rules strength complexity label ' +
    'name names placeholder visible visibility show hidden hide type types format rotation rotate rotated last ' +
    'created updated changed usage used quota budget remaining total size mode id ids url uri endpoint header ' +
    'prefix set exists status state at date time reset per day days hour hours minute minutes seconds month ' +
    'week year in location path file version algorithm alg scope scopes provider method strategy source storage ' +
    'flag toggle button btn link icon hint kind field rounds cost fingerprint issuer manager region'
  ).split(' '),
);

/** Words before a secret's name that make the key a count or a switch (`maxTokens`, `requirePassword`). */
const ABOUT_BEFORE = new Set(
  (
    'max min maximum minimum num number total count limit remaining used require requires required enable ' +
    'enabled allow allows use uses show hide has is disable disabled can should must force no without generate ' +
    'regenerate revoke rotate expire'
  ).split(' '),
);

const PHRASES: { words: string[]; category: string }[] = [
  ...Object.entries(TERMS).flatMap(([category, list]) =>
    list
      .split(';')
      .flatMap((group, i) => (i === 0 ? group.split(' ') : [group]))
      .map((term) => ({ words: term.split(' '), category })),
  ),
  ...Object.entries(KEY_QUALIFIERS).flatMap(([category, list]) =>
    list.split(' ').map((word) => ({ words: [word, 'key'], category })),
  ),
];

/** Lowercase words of a key or label: camelCase, snake_case, kebab-case, dotted paths and digits split apart. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Why a field name, id, label or JSON key names a secret (`key:password`, `key:api-key`, …), or null.
 * The last secret word decides: a setting word after it (`passwordMinLength`, `apiKeyId`) or a count/switch word
 * anywhere before it (`maxTokens`, `requirePassword`) makes the key about a secret, not a secret.
 */
export function secretReasonForKey(key: string): string | null {
  const words = keyWords(key.slice(0, 200));
  let found: { category: string; end: number } | null = null;
  let start = -1;
  for (let i = 0; i < words.length; i++) {
    for (const phrase of PHRASES) {
      const end = i + phrase.words.length;
      if (!phrase.words.every((word, j) => words[i + j] === word)) continue;
      // The last match wins; of two ending together, the longer (`authenticity token` over `token`).
      if (!found || end > found.end || (end === found.end && i < start)) {
        found = { category: phrase.category, end };
        start = i;
      }
    }
  }
  if (!found) return null;
  const after = words.slice(found.end).filter((word) => !/^\d+$/.test(word));
  if (HEAD_ONLY.has(words[found.end - 1] ?? '') && after.length > 0 && after.some((w) => w !== 'code'))
    return null;
  if (after.some((word) => ABOUT_AFTER.has(word))) return null;
  if (words.slice(0, start).some((word) => ABOUT_BEFORE.has(word))) return null;
  return `key:${found.category}`;
}
