import { isRecord } from '../capture/body-path';
import { withoutBidiControls } from '../capture/clean-text';
import { plainText } from '../plain-text';

/** (characters) of a dashboard's reason shown in a restore report. */
const MAX_REASON = 160;
/** Members a JSON error answer names its reason in. */
const REASON_KEYS = ['error', 'message', 'detail', 'reason'];

/**
 * The short reason a dashboard gave for refusing a save, from its answer's body, as one line of plain text
 * ("Unknown field(s): apiKeySet"; an error page's title and text); null when it gave none. The answer is the
 * dashboard's page data: markup, control and direction characters go.
 */
export function dashboardReason(body: unknown): string | null {
  const raw =
    typeof body === 'string'
      ? body
      : isRecord(body)
        ? REASON_KEYS.map((key) => body[key]).find((value) => typeof value === 'string')
        : undefined;
  if (typeof raw !== 'string') return null;
  return plainText(withoutBidiControls(raw).replace(/\p{Cc}/gu, ' '), MAX_REASON) || null;
}
