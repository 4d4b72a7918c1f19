/** URLPattern-only syntax: named groups (`:id`), regex groups and braces. A plain `*` glob has none of it. */
const URL_PATTERN_SYNTAX = /:[A-Za-z_]|[(){}]/;

interface UrlPatternLike {
  test(input: string): boolean;
}
type UrlPatternCtor = new (pattern: string, baseUrl: string) => UrlPatternLike;

/**
 * True when `url` matches `pattern`: a URLPattern string (when the browser has URLPattern) or a glob where `*` is
 * any text and `:name` one path segment. A pattern starting with `/` matches the path; the query string is
 * compared only when the pattern has a `?`.
 */
export function urlMatchesPattern(url: string, pattern: string, baseUrl: string): boolean {
  const UrlPattern = (globalThis as { URLPattern?: UrlPatternCtor }).URLPattern;
  if (UrlPattern && URL_PATTERN_SYNTAX.test(pattern)) {
    try {
      return new UrlPattern(pattern, baseUrl).test(url);
    } catch {
      // Not a valid URLPattern: read it as a glob below.
    }
  }
  return globMatches(new URL(url, baseUrl), pattern);
}

function globMatches(url: URL, pattern: string): boolean {
  const withQuery = pattern.includes('?');
  const path = url.pathname + (withQuery ? url.search : '');
  const subject = pattern.startsWith('/') ? path : url.origin + path;
  const source = pattern
    .split(/(\*|:[A-Za-z_]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`).test(subject);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
