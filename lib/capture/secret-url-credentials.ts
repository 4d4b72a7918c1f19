/**
 * A URL whose userinfo has a password (`scheme://user:pw@`, `redis://:pw@`), anywhere in a text. Every part is
 * bounded (characters) so a long text without a URL is scanned in linear time.
 */
const URL_CREDENTIALS = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}:\/\/[^\s/:@]{0,256}:[^\s/@]{1,256}@/i;

/** True when text holds a URL carrying a password in its userinfo. */
export function containsUrlCredentials(text: string): boolean {
  return URL_CREDENTIALS.test(text);
}
