import { containsCardNumber, looksLikeCardNumber } from './secret-card';
import { connectionStringHoldsSecret } from './secret-connection-string';
import { secretReasonForKey } from './secret-key';
import { namesPublicValue } from './secret-public-name';
import { looksRandom } from './secret-random';
import { settingsTextHoldsSecret } from './secret-settings-text';
import { containsUrlCredentials } from './secret-url-credentials';
import { weakNameReason } from './secret-weak-name';

/** Shortest value (characters) a value rule looks at: nothing shorter is a token, key or card number. */
const MIN_SECRET_CHARS = 8;
/** Shortest word (characters) of prose checked for a pasted token. */
const MIN_PASTED_CHARS = 20;

const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
const AUTH_HEADER = /^(?:bearer|basic|token)\s+\S{8,}$/i;
const JWT = /^eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*(?:\.[\w-]+\.[\w-]+)?$/;
/** Prefixes of well-known credentials (Stripe, GitHub, GitLab, Slack, AWS, Google, OpenAI, Telegram, …). */
const KNOWN_TOKEN = new RegExp(
  '^(?:(?:sk|rk)_(?:live|test)_\\w{10,}|whsec_\\w{10,}|gh[pousr]_\\w{20,}|github_pat_\\w{20,}|glpat-[\\w-]{20,}' +
    '|xox[abposr]-[\\w-]{10,}|xapp-[\\w-]{10,}|(?:AKIA|ASIA)[A-Z0-9]{16}|AIza[\\w-]{35}|sk-(?:proj-|ant-)?[\\w-]{20,}' +
    '|SG\\.[\\w-]{16,}\\.[\\w-]{16,}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|npm_\\w{36}|pypi-[\\w-]{50,}|hf_\\w{30,}' +
    '|ya29\\.[\\w-]{20,}|dop_v1_[a-f0-9]{64}|EAA[A-Za-z0-9]{30,}|glsa_\\w{32,}|(?:bot)?\\d{8,10}:AA[\\w-]{30,}' +
    '|https://hooks\\.slack\\.com/services/|https://(?:\\w+\\.)?discord(?:app)?\\.com/api/webhooks/)',
);

/**
 * A URL carrying a credential: a secret-named query parameter (`?access_token=`, `?sig=…`, `otpauth://…?secret=`)
 * or a random path part.
 */
function urlHoldsSecret(text: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    for (const [key, value] of url.searchParams) {
      if (!value) continue;
      if (secretReasonForKey(key) || weakNameReason(key, value)) return true;
      if (looksRandom(value) && !namesPublicValue(key)) return true;
    }
    return url.pathname.split('/').some(looksRandom);
  } catch {
    return false;
  }
}

/** Why one unbroken word (a whole value, or a word of prose) is a credential, or null. */
function unbrokenReason(word: string): string | null {
  if (JWT.test(word)) return 'value:jwt';
  if (KNOWN_TOKEN.test(word)) return 'value:known-token';
  if (urlHoldsSecret(word)) return 'value:url-secret';
  return null;
}

/** Why a value looks like a secret by itself (`value:jwt`, `value:card-number`, …), or null. Never throws. */
export function secretReasonForValue(value: string): string | null {
  const text = value.trim();
  if (text.length < MIN_SECRET_CHARS) return null;
  if (PEM_PRIVATE_KEY.test(text)) return 'value:private-key';
  if (AUTH_HEADER.test(text)) return 'value:auth-header';
  if (containsUrlCredentials(text)) return 'value:url-credentials';
  if (looksLikeCardNumber(text)) return 'value:card-number';
  if (connectionStringHoldsSecret(text)) return 'value:connection-string';
  if (containsCardNumber(text)) return 'value:card-in-text';
  if (/\s/.test(text)) {
    // Prose is kept, unless a secret is pasted or told in it: then the whole text goes.
    for (const word of text.split(/\s+/)) {
      const bare = word.replace(/^[("'<[]+|[)"'>\],.;:!?]+$/g, '');
      if (bare.length >= MIN_PASTED_CHARS && unbrokenReason(bare)) return 'value:token-in-text';
    }
    return settingsTextHoldsSecret(text) ? 'value:secret-in-text' : null;
  }
  return unbrokenReason(text) ?? (looksRandom(text) ? 'value:high-entropy' : null);
}
