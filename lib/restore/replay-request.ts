import type { CapturedRequest } from '../capture/snapshot';

const LEFT_OUT = '[left out]';

/** A copy of a captured body without left-out placeholders, so a replay never overwrites a secret. */
function withoutPlaceholders(body: unknown): unknown {
  if (Array.isArray(body)) return body.filter((item) => item !== LEFT_OUT).map(withoutPlaceholders);
  if (body && typeof body === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if (value !== LEFT_OUT) out[key] = withoutPlaceholders(value);
    }
    return out;
  }
  return body;
}

/** Sends the captured save request again (for sections with no form on the page); true when accepted. */
export async function replayRequest(request: CapturedRequest, _leftOut: string[]): Promise<boolean> {
  if (request.body === undefined || request.bodyKind === 'unread') return false;
  const body = withoutPlaceholders(request.body);
  const init: RequestInit =
    request.bodyKind === 'form'
      ? { body: new URLSearchParams(body as Record<string, string>) }
      : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
  const response = await fetch(request.url, { method: request.method, credentials: 'include', ...init });
  return response.ok;
}
