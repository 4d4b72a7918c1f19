import { parseEmbedded } from './redact-embedded';
import { redactBody } from './redact-body';

/**
 * `value:embedded-secret` when a text is JSON or URL-encoded data (`{"password":"…"}`, `a=1&token=…`) with a
 * secret inside, by the same rules as a request body; else null. A field holding it is left out whole: a partly
 * redacted text could not be restored.
 */
export function secretReasonForEmbedded(text: string): string | null {
  const parsed = parseEmbedded(text);
  if (parsed === undefined) return null;
  return redactBody(parsed).leftOut.length > 0 ? 'value:embedded-secret' : null;
}
