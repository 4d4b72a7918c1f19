import type { CapturedField, Snapshot } from './snapshot';

function asFieldValue(field: CapturedField, sent: unknown): CapturedField['value'] | undefined {
  if (typeof field.value === 'boolean') {
    if (typeof sent === 'boolean') return sent;
    if (sent === 'on' || sent === 'true') return true;
    if (sent === 'false') return false;
    return undefined;
  }
  if (Array.isArray(field.value)) {
    return Array.isArray(sent) && sent.every((item) => typeof item === 'string')
      ? (sent as string[])
      : undefined;
  }
  if (typeof sent === 'string') return sent;
  if (typeof sent === 'number' && Number.isFinite(sent)) return String(sent);
  if (typeof sent === 'boolean') return String(sent);
  return undefined;
}

/**
 * The request body is what the server accepted; the page may have changed its fields since (a user typing on, a
 * script resetting the form). Where a field's key names a top-level value of the sent body, that value wins.
 * Secrets are never taken from the body.
 */
export function preferSentValues(snapshot: Snapshot): Snapshot {
  const body = snapshot.request?.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return snapshot;
  const sent = body as Record<string, unknown>;
  const fields = snapshot.fields.map((field) => {
    if (field.secret || !Object.prototype.hasOwnProperty.call(sent, field.key)) return field;
    const value = asFieldValue(field, sent[field.key]);
    return value === undefined ? field : { ...field, value };
  });
  return { ...snapshot, fields };
}
