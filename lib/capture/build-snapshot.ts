import type { CapturedField, CapturedRequest, Snapshot, Trigger } from './snapshot';
import { bodyToFields } from './body-to-fields';
import { canonicalJson, sha256Hex } from './canonical-json';
import { humanize } from './field-label';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from './limits';
import { readFields, type RawField } from './read-fields';
import { secretReasonForField } from './redact';
import { redactBody } from './redact-body';
import { redactUrl } from './redact-url';
import { sectionTitle } from './section-title';
import { sectionType, toSectionType, typeFromUrl } from './section-type';

const SAVE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Upper bound (characters) of a body kind tag; the known ones are a word. */
const MAX_BODY_KIND_CHARS = 20;

/** The save request as the content script saw it, body parsed but not yet redacted. */
export interface SaveRequest {
  method: string;
  url: string;
  bodyKind: string;
  body?: unknown;
}

interface Common {
  pageUrl: string;
  trigger: Trigger;
  request?: SaveRequest;
  /** Per-user secret mixed into secret hashes, so equal secrets cannot be matched across users. */
  salt: string;
  /** Extra field keys, names, labels or body paths to leave out on this dashboard. */
  extraLeftOut?: readonly string[];
  /** Section type to use instead of the one derived from the page (normalised to a slug). */
  typeHint?: string;
}

/**
 * Hash that stands for a left-out secret: SHA-256 of `salt:key:value` (arrays as canonical JSON). An empty secret
 * hashes '' like any value, so "set" and "cleared" differ between snapshots while neither is stored.
 */
export function secretHash(salt: string, key: string, value: RawField['value']): Promise<string> {
  const text =
    typeof value === 'string' ? value : Array.isArray(value) ? canonicalJson(value) : String(value);
  return sha256Hex(`${salt}:${key}:${text}`);
}

/** Turns fields read from a page or a body into a snapshot, leaving secrets out (value null + salted hash). */
export async function snapshotFromFields(
  input: Common & { fields: RawField[]; type: string; title: string },
): Promise<Snapshot> {
  const extra = input.extraLeftOut ?? [];
  const leftOut = new Set<string>();
  const fields: CapturedField[] = [];
  for (const raw of input.fields) {
    const reason = secretReasonForField(raw, extra);
    const field: CapturedField = { key: raw.key, label: raw.label, value: raw.value, locator: raw.locator };
    if (reason) {
      // A secret is never stored, not even empty: restore treats null as "leave this field alone".
      field.value = null;
      field.secret = { hash: await secretHash(input.salt, raw.key, raw.value), reason };
      leftOut.add(raw.key);
    }
    fields.push(field);
  }
  const page = redactUrl(input.pageUrl, extra);
  page.leftOut.forEach((path) => leftOut.add(`page${path.slice(3)}`));
  const snapshot: Snapshot = {
    type: toSectionType(input.type) || 'section',
    title: input.title.slice(0, MAX_TITLE_CHARS),
    pageUrl: page.url.slice(0, MAX_URL_CHARS),
    fields,
    trigger: input.trigger,
    leftOut: [],
  };
  const method = String(input.request?.method ?? '').toUpperCase();
  if (input.request && SAVE_METHODS.has(method)) {
    const url = redactUrl(String(input.request.url), extra);
    url.leftOut.forEach((path) => leftOut.add(path));
    const request: CapturedRequest = {
      method: method as CapturedRequest['method'],
      url: url.url,
      bodyKind: String(input.request.bodyKind).slice(0, MAX_BODY_KIND_CHARS),
    };
    if (input.request.body !== undefined) {
      const redacted = redactBody(input.request.body, extra);
      redacted.leftOut.forEach((path) => leftOut.add(path));
      request.body = redacted.body;
    }
    snapshot.request = request;
  }
  snapshot.leftOut = [...leftOut];
  return snapshot;
}

/** Snapshot of the section in `container` after a save: its fields (secrets left out), type, title and request. */
export function buildSnapshot(input: Common & { container: Element }): Promise<Snapshot> {
  const { container } = input;
  return snapshotFromFields({
    ...input,
    fields: readFields(container),
    type: (input.typeHint && toSectionType(input.typeHint)) || sectionType(container, input.request?.url),
    title: sectionTitle(container),
  });
}

/** Snapshot of a network save with no matching section on the page: fields from the body's top-level values. */
export function snapshotFromBody(
  input: Common & { request: SaveRequest; title?: string },
): Promise<Snapshot> {
  const type =
    (input.typeHint && toSectionType(input.typeHint)) || typeFromUrl(String(input.request.url)) || 'section';
  const title = input.title ?? humanize(type);
  return snapshotFromFields({ ...input, fields: bodyToFields(input.request.body, title), type, title });
}
