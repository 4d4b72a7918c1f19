import { isRecord } from '../capture/body-path';

/** (characters) of a dashboard's reason shown in a restore report. */
const MAX_REASON = 160;
/** Members a JSON error answer names its reason in. */
const REASON_KEYS = ['error', 'message', 'detail', 'reason'];

/**
 * The short reason a dashboard gave for refusing a save, from its answer's body, as plain text ("Unknown field(s):
 * apiKeySet"); null when it gave none that reads as one. The answer is the dashboard's page data: an error page in
 * HTML is no reason, and control and direction characters go.
 */
export function dashboardReason(body: unknown): string | null {
  const raw =
    typeof body === 'string'
      ? body
      : isRecord(body)
        ? REASON_KEYS.map((key) => body[key]).find((value) => typeof value === 'string')
        : undefined;
  if (typeof raw !== 'string' || /<[a-z!/][^>]*>/i.test(raw)) return null;
  const text = raw
    .replace(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}
