import { MAX_BRIDGE_MESSAGE_BYTES } from './bridge-protocol';
import { sanitizeBodyValue } from './sanitize-body-value';
import type { SentBody } from './sent-body';

/** A body as a capture reports it (`draft.request`): the bridge's kind and parsed value. */
export interface ReportedBody {
  bodyKind: string;
  body?: unknown;
}

/**
 * `match`: the reported body is what the browser sent. `mismatch`: it is not (a forged or swapped body).
 * `unverifiable`: one side cannot be compared (a stream or `Request` body the bridge left unread, a file upload, a
 * body the browser did not show). A body the browser showed as form data is always comparable: a JSON report of it
 * is a mismatch, not unverifiable.
 */
export type BodyVerdict = 'match' | 'mismatch' | 'unverifiable';

/** Stands for a file in a multipart report: the browser's form data gives only a name, if anything. */
const ANY = Symbol('any value');

/** Compares a reported body with the one the browser sent (`webRequest`), by parsed value, form data or size. */
export function matchSentBody(reported: ReportedBody, sent: SentBody): BodyVerdict {
  const { bodyKind, body } = reported;
  if (sent.kind === 'unknown' || bodyKind === 'unread') return 'unverifiable';
  if (bodyKind === 'none')
    return sent.kind === 'absent' || (sent.kind === 'raw' && sent.size === 0) ? 'match' : 'mismatch';
  // The browser shows no upload data for a body it streams: a Blob (whatever the bridge read in it, JSON too), or
  // any body of a page a service worker controls. Nothing to hold the report against; the ledger then takes it
  // only for a request of the top frame, whose requests the bridge sees (create-request-ledger.ts).
  if (sent.kind === 'absent') return 'unverifiable';
  if (bodyKind === 'blob') {
    const size = (body as { size?: unknown } | undefined)?.size;
    return sent.kind === 'raw' ? verdict(size === sent.size) : 'unverifiable';
  }
  const reportedForm = formOf(bodyKind, body);
  // The browser parsed the body as form data: a JSON report (or a blob's) cannot be that body.
  if (sent.kind === 'form') return reportedForm ? verdict(sameForm(reportedForm, sent.fields)) : 'mismatch';
  if (sent.text === undefined) return 'unverifiable';
  if (bodyKind === 'json') return verdict(sameJson(body, sent.text));
  if (bodyKind === 'text') return verdict(body === sent.text);
  if (bodyKind === 'form')
    return reportedForm ? verdict(sameForm(reportedForm, formFromText(sent.text))) : 'mismatch';
  return 'unverifiable';
}

function verdict(same: boolean): BodyVerdict {
  return same ? 'match' : 'mismatch';
}

type Form = Record<string, (string | typeof ANY)[]>;

/** The reported body as name → values, for the kinds that can be form data. */
function formOf(kind: string, body: unknown): Form | null {
  if (kind === 'text' && typeof body === 'string') return formFromText(body);
  if ((kind !== 'form' && kind !== 'multipart') || !body || typeof body !== 'object') return null;
  const form: Form = {};
  for (const [name, value] of Object.entries(body)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    form[name] = values.map((item) => (typeof item === 'string' ? item : ANY));
  }
  return form;
}

function formFromText(text: string): Record<string, string[]> {
  const form: Record<string, string[]> = {};
  new URLSearchParams(text).forEach((value, name) => (form[name] ??= []).push(value));
  return form;
}

function sameForm(reported: Form, sent: Record<string, string[]>): boolean {
  const names = Object.keys(reported);
  if (names.length !== Object.keys(sent).length) return false;
  return names.every((name) => {
    const mine = reported[name] ?? [];
    const theirs = sent[name];
    return (
      Array.isArray(theirs) &&
      theirs.length === mine.length &&
      mine.every((value, index) => value === ANY || value === theirs[index])
    );
  });
}

/** JSON equality by value (key order and spacing aside), after the same clean-up the bridge's report went through. */
function sameJson(reported: unknown, text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  const clean = sanitizeBodyValue(parsed, MAX_BRIDGE_MESSAGE_BYTES);
  return (
    clean !== undefined && stable(clean) === stable(sanitizeBodyValue(reported, MAX_BRIDGE_MESSAGE_BYTES))
  );
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
