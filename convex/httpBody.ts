import { appError } from './errors';
import { MAX_NAME_CHARS } from './limits';

/** The fields `POST /settings-backup` reads; any other field is refused, naming these. */
const POST_FIELDS = ['workspace', 'type', 'data', 'label', 'source'] as const;

/** The body of `POST /settings-backup`, checked. */
export interface PostBody {
  workspace: string;
  type: string;
  data: unknown;
  label?: string;
}

function requiredText(body: Record<string, unknown>, field: string, what: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw appError('INVALID', `${field} is required: ${what}, as text`);
  }
  return value;
}

/**
 * Checks a `POST /settings-backup` body field by field and says which field is wrong and what it allows. `source`
 * may only be "api": a backup made through the HTTP API is always recorded as such.
 */
export function parsePostBody(body: unknown): PostBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw appError('INVALID', 'The body must be a JSON object { workspace, type, data, label? }');
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((field) => !(POST_FIELDS as readonly string[]).includes(field));
  if (unknown !== undefined) {
    throw appError('INVALID', `Unknown field "${unknown}"; allowed: ${POST_FIELDS.join(', ')}`);
  }
  const workspace = requiredText(record, 'workspace', 'the workspace slug');
  const type = requiredText(record, 'type', 'the section type, e.g. "bot-names"');
  if (!('data' in record)) throw appError('INVALID', 'data is required: any JSON value');
  const { label, source } = record;
  if (label !== undefined && (typeof label !== 'string' || label.length > MAX_NAME_CHARS)) {
    throw appError('INVALID', `label must be text of at most ${MAX_NAME_CHARS} characters`);
  }
  if (source !== undefined && source !== 'api') {
    throw appError(
      'INVALID',
      'source must be "api" (backups made through the HTTP API are always marked "api")',
    );
  }
  return { workspace, type, data: record.data, ...(label === undefined ? {} : { label }) };
}
