import { MAX_VALUE_CHARS } from './limits';

/** Longest string (characters) read as embedded form data: query strings are short, and this bounds re-parsing. */
const MAX_EMBEDDED_FORM_CHARS = 4096;
const URL_ENCODED = /^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;

/** True for a text body that is really URL-encoded form data (`a=1&password=x`) sent as a plain string. */
export function isUrlEncoded(text: string): boolean {
  return text.length <= MAX_VALUE_CHARS && URL_ENCODED.test(text);
}

/**
 * The data a string carries inside it, or undefined: a JSON object or array (also when encoded twice, as a JSON
 * string of JSON), or URL-encoded form data as `URLSearchParams`. Dashboards save editor state, flow definitions
 * and query strings this way, and a secret in them is as much a secret as a top-level one.
 */
export function parseEmbedded(text: string): unknown {
  const trimmed = text.trim();
  if (/^[[{"]/.test(trimmed) && trimmed.length <= MAX_VALUE_CHARS) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === 'object' && parsed !== null) return parsed;
      if (typeof parsed === 'string' && /^\s*[[{]/.test(parsed)) return parseEmbedded(parsed);
    } catch {
      // Not JSON after all: plain text that starts with a brace or a quote.
    }
    return undefined;
  }
  const isForm = trimmed.length <= MAX_EMBEDDED_FORM_CHARS && trimmed.includes('=') && isUrlEncoded(trimmed);
  return isForm ? new URLSearchParams(trimmed) : undefined;
}
