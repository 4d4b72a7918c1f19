import { getAtPath, isRecord, resolveKey, setAtPath, type PathSegment } from '../capture/body-path';
import { bodyEntries, structuredBody } from '../capture/body-to-fields';
import { LEFT_OUT } from '../capture/limits';
import { likeSaved } from './like-saved';
import type { Snapshot } from '../capture/snapshot';
import type { FieldReport } from '../messaging/apply-report';

/** A body value to put back, at its place. */
export interface PlannedValue {
  key: string;
  segments: PathSegment[];
  value: unknown;
}

export interface RequestRestorePlan {
  /** The body to send: the server's current state with the chosen values of the backup on top. */
  body: unknown;
  /** The values put back, to verify afterwards. */
  planned: PlannedValue[];
  /** Per field: skipped (not chosen, or a secret), not-found (no place in the body), or applied (planned). */
  fields: FieldReport[];
  /** Top-level members that held a left-out token (a CSRF token): the page fills them with its fresh one. */
  tokenKeys: string[];
  /**
   * Keys of the values the dashboard's own save sent and Savepoint left out (a secret: an API key, a password) that
   * the body would go without, `base` not holding them: a save that replaces the whole resource may erase them.
   */
  withoutSecrets: string[];
}

/** A copy of `body` without left-out placeholders: a restore never writes "[left out]" over a secret. */
function withoutPlaceholders(body: unknown): unknown {
  if (Array.isArray(body)) return body.filter((item) => item !== LEFT_OUT).map(withoutPlaceholders);
  if (isRecord(body)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if (value !== LEFT_OUT && !key.startsWith(LEFT_OUT)) {
        Object.defineProperty(out, key, {
          value: withoutPlaceholders(value),
          enumerable: true,
          writable: true,
        });
      }
    }
    return out;
  }
  return body;
}

/**
 * What to send to put a backup back through the dashboard's own save request: `base` (what the server has now —
 * a fresh read of the resource, else the newest backup's body, else the backup's own; only the members the save
 * sent) with the chosen fields' values from the backup's saved body on top. Fields not chosen keep the server's value; secrets are never
 * written; a field whose value has no place in the body is reported not found.
 */
export function planRequestRestore(backup: Snapshot, chosen: readonly string[] | undefined, base: unknown) {
  const saved = structuredBody(backup.request?.body);
  const start = structuredBody(base ?? saved);
  // Token members of the save itself (a read of the resource never holds one), or of the base standing in for it.
  const tokensOf = (body: unknown) =>
    isRecord(body)
      ? Object.keys(body).filter((key) => body[key] === LEFT_OUT && /csrf|xsrf|token|sectok|nonce/i.test(key))
      : [];
  const tokenKeys = [...new Set([...tokensOf(saved), ...tokensOf(start)])];
  // The page fills the token members with its fresh token; their placeholders go now, as every other's.
  let body = withoutPlaceholders(likeSaved(start, saved));
  const planned: PlannedValue[] = [];
  const fields: FieldReport[] = backup.fields.map((field) => {
    const report = { key: field.key, label: field.label || field.key, expected: field.value };
    if ((chosen && !chosen.includes(field.key)) || field.secret || field.value === null) {
      return { ...report, outcome: 'skipped' as const };
    }
    const segments = resolveKey(saved, field.key);
    const value = segments ? getAtPath(saved, segments) : undefined;
    if (!segments || value === undefined || value === LEFT_OUT)
      return { ...report, outcome: 'not-found' as const };
    // A list with a left-out item (a secret webhook among others) cannot be put back whole: never the placeholder.
    if (Array.isArray(value) && value.includes(LEFT_OUT)) return { ...report, outcome: 'skipped' as const };
    body = setAtPath(body, segments, value);
    planned.push({ key: field.key, segments, value });
    return { ...report, outcome: 'applied' as const };
  });
  const withoutSecrets = bodyEntries(saved)
    .filter((entry) => !tokenKeys.includes(entry.key))
    .filter((entry) => {
      const sent = getAtPath(body, entry.segments);
      if (entry.value === LEFT_OUT) return sent === undefined;
      // A list of secrets (API keys) loses its left-out items: the body must hold as many as the save sent.
      if (!Array.isArray(entry.value) || !entry.value.includes(LEFT_OUT)) return false;
      return !Array.isArray(sent) || sent.length < entry.value.length;
    })
    .map((entry) => entry.key);
  return { body, planned, fields, tokenKeys, withoutSecrets } satisfies RequestRestorePlan;
}
