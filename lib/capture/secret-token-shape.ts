import { isEmail, isUuid, wordShare } from './secret-random';

/** Shortest value (characters) judged by its shape: below this, a key, code or signature is too weak to matter. */
const MIN_TOKEN_CHARS = 8;
/** Shortest run (characters) mixing letters and digits that reads as generated rather than a version (`v2`). */
const MIN_MIXED_RUN = 6;
/** `user:password`, `ops@acme.io:pw`: the part after the colon has a non-digit (so it is no port) and ≥ 4 characters. */
const USER_PASSWORD = /^[a-z][\w.+-]*(?:@[\w.-]+)?:(?=[^:]*[^\d:])[^\s:/]{4,}$/i;
/** Switches between a letter and a digit from which a run reads as generated whatever words it holds. */
const MIN_ALTERNATIONS = 4;
const HEX = /^[0-9a-f]{16,}$/i;
const BASE64 = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/**
 * True when a value under an ambiguous name (`key`, `sig`, `code`, `auth`) is shaped like a credential: hex of ≥ 16
 * digits, base64 mixing both cases and digits, or a run of ≥ 6 characters mixing letters and digits that is not
 * mostly words. With `userPassword`, a bare `user:password` counts too. Ids (UUIDs), e-mail addresses, URLs, paths
 * and names made of words or short parts (`dark-mode`, `user-profile-v2`, `Ctrl+Shift+K`) do not.
 */
export function looksLikeToken(value: string, userPassword = false): boolean {
  const text = value.trim();
  if (text.length < MIN_TOKEN_CHARS || /\s/.test(text)) return false;
  if (userPassword && USER_PASSWORD.test(text)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('/') || isUuid(text) || isEmail(text))
    return false;
  if (HEX.test(text)) return true;
  if (BASE64.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text) && /\d/.test(text)) return true;
  const runs = text.split(/[^A-Za-z0-9]+/).filter((run) => run.length >= MIN_MIXED_RUN);
  const mixed = runs.filter((run) => /\d/.test(run) && /[a-z]/i.test(run));
  // Digits and letters alternating again and again (`8x7y6z`) are generated even after a word (`AuthCode`).
  return (
    mixed.length > 0 && (wordShare(text) < 0.5 || mixed.some((run) => alternations(run) >= MIN_ALTERNATIONS))
  );
}

function alternations(run: string): number {
  return run.match(/(?<=\d)[a-z]|(?<=[a-z])\d/gi)?.length ?? 0;
}
