import { bodyToFields } from './body-to-fields';
import { humanize } from './field-label';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from './limits';
import { preferSentValues } from './prefer-sent-values';
import { secretReasonForField } from './redact';
import { redactBody } from './redact-body';
import { redactUrl } from './redact-url';
import { secretBodyValues } from './secret-body-values';
import { secretHash } from './secret-hash';
import { toSectionType, typeFromUrl } from './section-type';
import type { CapturedField, CapturedRequest, Snapshot } from './snapshot';
import type { RawField, SnapshotDraft } from './snapshot-draft';

const SAVE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Upper bound (characters) of a body kind tag; the known ones are a word. */
const MAX_BODY_KIND_CHARS = 20;

/** What the background adds to a draft: the install's salt and the dashboard's own left-out list. */
export interface FinishOptions {
  /** Per-install secret mixed into secret hashes, so equal secrets cannot be matched across users. */
  salt: string;
  /** Extra field keys, names, labels or body paths to leave out on this dashboard. */
  extraLeftOut?: readonly string[];
}

async function fromFields(
  draft: SnapshotDraft,
  section: { fields: RawField[]; type: string; title: string },
  { salt, extraLeftOut = [] }: FinishOptions,
): Promise<Snapshot> {
  const leftOut = new Set<string>();
  const fields: CapturedField[] = [];
  const secrets: RawField[] = [];
  for (const raw of section.fields) {
    // A field the page digested is a secret whatever the rules say: its value is no longer the field's value.
    const reason = secretReasonForField(raw, extraLeftOut) ?? (raw.digested ? 'digested' : null);
    const field: CapturedField = { key: raw.key, label: raw.label, value: raw.value, locator: raw.locator };
    if (reason) {
      // A secret is never stored, not even empty: restore treats null as "leave this field alone".
      field.value = null;
      field.secret = { hash: await secretHash(salt, raw.key, raw.value, raw.digested), reason };
      leftOut.add(raw.key);
      secrets.push(raw);
    }
    fields.push(field);
  }
  // A secret field's value is left out of the request too, whatever the request calls it.
  const secretNames = secrets.flatMap((raw) =>
    [raw.key, raw.locator.name ?? '', raw.locator.id ?? ''].filter(Boolean),
  );
  const requestLeftOut = [...extraLeftOut, ...secretNames];
  const page = redactUrl(draft.pageUrl, extraLeftOut);
  page.leftOut.forEach((path) => leftOut.add(`page${path.slice(3)}`));
  const snapshot: Snapshot = {
    type: toSectionType(section.type) || 'section',
    title: section.title.slice(0, MAX_TITLE_CHARS),
    pageUrl: page.url.slice(0, MAX_URL_CHARS),
    fields,
    trigger: draft.trigger,
    leftOut: [],
  };
  const method = String(draft.request?.method ?? '').toUpperCase();
  if (draft.request && SAVE_METHODS.has(method)) {
    const url = redactUrl(String(draft.request.url), requestLeftOut);
    url.leftOut.forEach((path) => leftOut.add(path));
    const request: CapturedRequest = {
      method: method as CapturedRequest['method'],
      url: url.url,
      bodyKind: String(draft.request.bodyKind).slice(0, MAX_BODY_KIND_CHARS),
    };
    if (draft.request.body !== undefined) {
      const values = await secretBodyValues(draft.request.body, secrets);
      const redacted = redactBody(draft.request.body, requestLeftOut, values);
      redacted.leftOut.forEach((path) => leftOut.add(path));
      request.body = redacted.body;
    }
    snapshot.request = request;
  }
  snapshot.leftOut = [...leftOut];
  return snapshot;
}

/**
 * Turns a draft from the page into a snapshot, in the background: secrets left out (value null + salted hash),
 * page and request URLs and the request body redacted. With a section, its fields (the values the request sent
 * win over what the page shows now); without one, fields from the body's top-level values, typed by the URL.
 */
export async function finishSnapshot(draft: SnapshotDraft, options: FinishOptions): Promise<Snapshot> {
  const hinted = draft.typeHint ? toSectionType(draft.typeHint) : '';
  if (draft.section) {
    const { fields, title } = draft.section;
    return preferSentValues(
      await fromFields(draft, { fields, title, type: hinted || draft.section.type }, options),
    );
  }
  const type = hinted || typeFromUrl(String(draft.request?.url ?? '')) || 'section';
  const title = humanize(type);
  return fromFields(draft, { fields: bodyToFields(draft.request?.body, title), type, title }, options);
}
