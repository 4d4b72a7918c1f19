import { secretReasonForKey } from './secret-key';

/** Shortest value (characters) a value rule looks at: nothing shorter is a token, key or card number. */
const MIN_SECRET_CHARS = 8;
/** Shortest string (characters) the entropy rule judges; shorter random strings are too weak to be keys. */
const MIN_RANDOM_CHARS = 24;
/** Shannon entropy (bits per character) from which a long unbroken string counts as random. */
const MIN_RANDOM_ENTROPY = 3.5;
/** Share of a string covered by word-like runs above which it is an identifier, not a random token. */
const MAX_WORD_SHARE = 0.5;

const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
const AUTH_HEADER = /^(?:bearer|basic|token)\s+\S{8,}$/i;
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i;
const JWT = /^eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*(?:\.[\w-]+\.[\w-]+)?$/;
/** Prefixes of well-known credentials (Stripe, GitHub, GitLab, Slack, AWS, Google, OpenAI, SendGrid, …). */
const KNOWN_TOKEN = new RegExp(
  '^(?:(?:sk|rk)_(?:live|test)_\\w{10,}|whsec_\\w{10,}|gh[pousr]_\\w{20,}|github_pat_\\w{20,}|glpat-[\\w-]{20,}' +
    '|xox[abposr]-[\\w-]{10,}|xapp-[\\w-]{10,}|(?:AKIA|ASIA)[A-Z0-9]{16}|AIza[\\w-]{35}|sk-(?:proj-|ant-)?[\\w-]{20,}' +
    '|SG\\.[\\w-]{16,}\\.[\\w-]{16,}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|npm_\\w{36}|pypi-[\\w-]{50,}|hf_\\w{30,}' +
    '|ya29\\.[\\w-]{20,}|dop_v1_[a-f0-9]{64}|EAA[A-Za-z0-9]{30,}' +
    '|https://hooks\\.slack\\.com/services/|https://(?:\\w+\\.)?discord(?:app)?\\.com/api/webhooks/)',
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

/** Card-number shape: 13–19 digits, bare or in groups of 3–8 split by single spaces or dashes. */
function looksLikeCardNumber(value: string): boolean {
  if (!/^\d{3,19}(?:[ -]\d{3,8}){0,5}$/.test(value)) return false;
  const digits = value.replace(/[ -]/g, '');
  // Issuers use 2–6 as first digit; excluding 1 keeps epoch-millisecond timestamps and most snowflake ids out.
  if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits) || /^(\d)\1+$/.test(digits))
    return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / text.length) * Math.log2(count / text.length);
  return bits;
}

/** Share of `text` covered by runs that read like words (≥ 4 letters, a vowel, no 4 consonants in a row). */
function wordShare(text: string): number {
  let covered = 0;
  for (const run of text.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z]+/)) {
    const lower = run.toLowerCase();
    if (lower.length >= 4 && /[aeiouy]/.test(lower) && !/[^aeiouy]{4}/.test(lower)) covered += run.length;
  }
  return covered / text.length;
}

/**
 * A long unbroken string that reads as random: hex of ≥ 32 digits, or ≥ 24 characters mixing letters and digits
 * with high entropy and few word-like runs. URLs, paths, e-mail addresses, UUIDs (ids, kept) and dotted or dashed
 * names made of short parts (`gpt-4o-mini-2024-07-18`) are not.
 */
function looksRandom(value: string): boolean {
  if (value.length < MIN_RANDOM_CHARS || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/'))
    return false;
  if (EMAIL.test(value) || UUID.test(value)) return false;
  if (/^[0-9a-f]{32,}$/i.test(value)) return true;
  const parts = value.split(/[-_./:,;=+~]+/);
  if (parts.length >= 3 && parts.every((part) => part.length <= 12)) return false;
  if (!/\d/.test(value) || !/[a-z]/i.test(value)) return false;
  return entropy(value) >= MIN_RANDOM_ENTROPY && wordShare(value) < MAX_WORD_SHARE;
}

/** A URL carrying a credential: a secret-named query parameter (`?access_token=`) or a random path part. */
function urlHoldsSecret(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    for (const [key, value] of url.searchParams) {
      if (value && (secretReasonForKey(key) || looksRandom(value))) return true;
    }
    return url.pathname.split('/').some(looksRandom);
  } catch {
    return false;
  }
}

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
  if (URL_CREDENTIALS.test(text)) return 'value:url-credentials';
  if (looksLikeCardNumber(text)) return 'value:card-number';
  if (/\s/.test(text)) {
    // Prose is kept, unless a token is pasted into it: then the whole text goes.
    for (const word of text.split(/\s+/))
      if (word.length >= 20 && unbrokenReason(word)) return 'value:token-in-text';
    return null;
  }
  return unbrokenReason(text) ?? (looksRandom(text) ? 'value:high-entropy' : null);
}
