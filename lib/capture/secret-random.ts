/** Shortest string (characters) the entropy rule judges; shorter random strings are too weak to be keys. */
const MIN_RANDOM_CHARS = 20;
/** From this length (characters) a random string needs only letters and digits; shorter ones need both cases. */
const MIXED_CASE_BELOW = 24;
/** Shannon entropy (bits per character) from which a long unbroken string counts as random. */
const MIN_RANDOM_ENTROPY = 3.5;
/** Share of a string covered by word-like runs above which it is an identifier, not a random token. */
const MAX_WORD_SHARE = 0.5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

/** True for a UUID: an id, which dashboards show and replay, not a credential. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** True for a plain e-mail address. */
export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Shannon entropy of `text`, in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / text.length) * Math.log2(count / text.length);
  return bits;
}

/** Share of `text` covered by runs that read like words (≥ 4 letters, a vowel, no 4 consonants in a row). */
export function wordShare(text: string): number {
  let covered = 0;
  for (const run of text.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z]+/)) {
    const lower = run.toLowerCase();
    if (lower.length >= 4 && /[aeiouy]/.test(lower) && !/[^aeiouy]{4}/.test(lower)) covered += run.length;
  }
  return covered / text.length;
}

/**
 * A long unbroken string that reads as random: hex of ≥ 32 digits, or ≥ 20 characters mixing letters and digits
 * (and, below 24, both cases, as generated keys do) with high entropy and few word-like runs. URLs, paths, e-mail
 * addresses, UUIDs (ids, kept) and dotted or dashed names made of short parts (`gpt-4o-mini-2024-07-18`) are not.
 */
export function looksRandom(value: string): boolean {
  if (value.length < MIN_RANDOM_CHARS || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/'))
    return false;
  if (isEmail(value) || isUuid(value)) return false;
  if (/^[0-9a-f]{32,}$/i.test(value)) return true;
  const parts = value.split(/[-_./:,;=+~]+/);
  if (parts.length >= 3 && parts.every((part) => part.length <= 12)) return false;
  if (!/\d/.test(value) || !/[a-z]/i.test(value)) return false;
  if (value.length < MIXED_CASE_BELOW && !(/[a-z]/.test(value) && /[A-Z]/.test(value))) return false;
  return entropy(value) >= MIN_RANDOM_ENTROPY && wordShare(value) < MAX_WORD_SHARE;
}
