import { bodyEntries, bodyToFields } from './body-to-fields';
import { fallbackTitle } from './fallback-title';
import { MAX_TITLE_CHARS, MAX_URL_CHARS } from './limits';
import { preferSentValues } from './prefer-sent-values';
import { secretReasonForField } from './redact';
import { redactBody } from './redact-body';
import { redactUrl } from './redact-url';
import { secretBodyValues } from './secret-body-values';
import { secretHash } from './secret-hash';
import { snapshotWithoutBidiControls } from './snapshot-without-bidi-controls';
import { endpointType, toSectionType, typeFromUrl } from './section-type';
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

/** The page's fields with secrets left out (value null + salted hash), and the raw fields that were secrets. */
async function pageFields(raws: RawField[], { salt, extraLeftOut = [] }: FinishOptions) {
  const fields: CapturedField[] = [];
  const secrets: RawField[] = [];
  for (const raw of raws) {
    // A field the page digested is a secret whatever the rules say: its value is no longer the field's value.
    const reason = secretReasonForField(raw, extraLeftOut) ?? (raw.digested ? 'digested' : null);
    const field: CapturedField = { key: raw.key, label: raw.label, value: raw.value, locator: raw.locator };
    // A secret's option text would tell its value: it is kept only for fields that are not left out.
    if (raw.texts && !reason) field.texts = raw.texts;
    if (reason) {
      // A secret is never stored, not even empty: restore treats null as "leave this field alone".
      field.value = null;
      field.secret = { hash: await secretHash(salt, raw.key, raw.value, raw.digested), reason };
      secrets.push(raw);
    }
    fields.push(field);
  }
  return { fields, secrets };
}

/** The save request with secrets left out of its URL and body, and the paths that were left out. */
async function finishRequest(draft: SnapshotDraft, secrets: RawField[], extraLeftOut: readonly string[]) {
  const method = String(draft.request?.method ?? '').toUpperCase();
  if (!draft.request || !SAVE_METHODS.has(method)) return null;
  // A secret field's value is left out of the request too, whatever the request calls it.
  const secretNames = secrets.flatMap((raw) =>
    [raw.key, raw.locator.name ?? '', raw.locator.id ?? ''].filter(Boolean),
  );
  const requestLeftOut = [...extraLeftOut, ...secretNames];
  const url = redactUrl(String(draft.request.url), requestLeftOut);
  const leftOut = [...url.leftOut];
  const request: CapturedRequest = {
    method: method as CapturedRequest['method'],
    url: url.url,
    bodyKind: String(draft.request.bodyKind).slice(0, MAX_BODY_KIND_CHARS),
  };
  if (draft.request.body !== undefined) {
    const values = await secretBodyValues(draft.request.body, secrets);
    const redacted = redactBody(draft.request.body, requestLeftOut, values);
    leftOut.push(...redacted.leftOut);
    request.body = redacted.body;
  }
  return { request, leftOut };
}

/**
 * True when the request body, not the page, is the truth of a save: a JSON body (any depth), or any readable body
 * when no section was found on the page. A form-encoded post of a section on screen keeps the page's fields, since
 * such a body leaves out what is unchecked.
 */
function bodyIsTruth(draft: SnapshotDraft, request: CapturedRequest | undefined): boolean {
  if (!request || request.body === undefined) return false;
  if (!draft.section) return true;
  return request.bodyKind === 'json' && typeof request.body === 'object' && request.body !== null;
}

/**
 * Turns a draft from the page into a snapshot, in the background: secrets left out (value null + salted hash),
 * page and request URLs and the request body redacted. The saved request's body is the truth when there is one
 * (every value, any depth, as a field keyed by its path, labelled by the page field showing it); else the page's
 * fields (with the values a form-encoded request sent winning over what the page shows now). The page wrote the
 * title and labels: they lose their bidi controls.
 */
export async function finishSnapshot(draft: SnapshotDraft, options: FinishOptions): Promise<Snapshot> {
  const { salt, extraLeftOut = [] } = options;
  const page = await pageFields(draft.section?.fields ?? [], options);
  const finished = await finishRequest(draft, page.secrets, extraLeftOut);
  const request = finished?.request;
  const requestUrl = draft.request ? String(draft.request.url) : undefined;
  const leftOut = new Set<string>(page.fields.filter((field) => field.secret).map((field) => field.key));
  const pageUrl = redactUrl(draft.pageUrl, extraLeftOut);
  pageUrl.leftOut.forEach((path) => leftOut.add(`page${path.slice(3)}`));
  finished?.leftOut.forEach((path) => leftOut.add(path));

  const hinted = draft.typeHint ? toSectionType(draft.typeHint) : '';
  // The endpoint's own name, else the section's on the page, else the endpoint's path template.
  const pageType = toSectionType(draft.section?.type ?? '');
  const type =
    hinted ||
    (requestUrl ? typeFromUrl(requestUrl) : '') ||
    (pageType !== 'section' ? pageType : '') ||
    (requestUrl ? endpointType(requestUrl) : '') ||
    'section';
  const title = (
    draft.section?.title ||
    (draft.typeHint && !draft.section ? draft.typeHint : '') ||
    fallbackTitle({ submitter: draft.trigger.submitter, requestUrl, pageUrl: draft.pageUrl })
  ).slice(0, MAX_TITLE_CHARS);

  let fields = page.fields;
  if (bodyIsTruth(draft, request)) {
    fields = bodyToFields(bodyEntries(request?.body), page.fields, title);
    const raw = new Map(bodyEntries(draft.request?.body).map((entry) => [entry.key, entry.value]));
    for (const field of fields) {
      if (field.value !== null) continue;
      const sent = raw.get(field.key);
      const value = typeof sent === 'string' || typeof sent === 'boolean' ? sent : JSON.stringify(sent ?? '');
      // Hashed under the body's key even when a page field showed it (and was hashed under its own name): a read
      // of the dashboard, which has no page, hashes it so, and an unchanged secret must compare unchanged.
      field.secret = {
        hash: await secretHash(salt, field.key, value),
        reason: field.secret?.reason ?? 'request-body',
      };
      leftOut.add(field.key);
    }
  }
  const snapshot: Snapshot = {
    type,
    title,
    pageUrl: pageUrl.url.slice(0, MAX_URL_CHARS),
    fields,
    trigger: draft.trigger,
    leftOut: [...leftOut],
    ...(request ? { request } : {}),
  };
  return snapshotWithoutBidiControls(bodyIsTruth(draft, request) ? snapshot : preferSentValues(snapshot));
}
