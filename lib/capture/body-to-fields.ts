import { humanize } from './field-label';
import { MAX_FIELDS, truncateValue } from './limits';
import type { RawField } from './snapshot-draft';
import { isUrlEncoded } from './redact-body';

/** Wrapper objects unwrapped at most this many times (`{ data: { settings: { … } } }`). */
const MAX_ENVELOPES = 3;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function fieldOf(value: unknown): Pick<RawField, 'value' | 'type' | 'truncated'> | null {
  if (typeof value === 'string') {
    const kept = truncateValue(value);
    return { value: kept, type: 'text', truncated: kept !== value };
  }
  if (typeof value === 'number')
    return { value: Number.isFinite(value) ? String(value) : '', type: 'number', truncated: false };
  if (typeof value === 'boolean') return { value, type: 'checkbox', truncated: false };
  if (value === null) return { value: '', type: 'text', truncated: false };
  if (Array.isArray(value)) {
    // Array.from visits the holes of a sparse array (as undefined), which every() and map() skip.
    const items = Array.from(value as unknown[]);
    if (items.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
      return { value: items.map((item) => truncateValue(String(item))), type: 'list', truncated: false };
    }
  }
  return null;
}

/**
 * Fields of a saved request body when no form on the page matches it: one per top-level scalar (or list of
 * scalars), located by name. A body wrapping a single object (`{ "settings": { … } }`) is unwrapped first.
 */
export function bodyToFields(body: unknown, section = ''): RawField[] {
  let record: unknown =
    typeof body === 'string' && isUrlEncoded(body) ? Object.fromEntries(new URLSearchParams(body)) : body;
  try {
    for (let i = 0; i < MAX_ENVELOPES && isRecord(record); i++) {
      const keys = Object.keys(record);
      const only = keys.length === 1 ? record[keys[0] ?? ''] : undefined;
      if (!isRecord(only)) break;
      record = only;
    }
    if (!isRecord(record)) return [];
    const fields: RawField[] = [];
    const keys = new Set(Object.keys(record));
    for (const key of keys) {
      if (fields.length >= MAX_FIELDS) break;
      const field = fieldOf(record[key]);
      if (!field) continue;
      let unique = key || 'field';
      for (let n = 2; unique !== key && keys.has(unique); n++) unique = `field-${n}`;
      fields.push({
        key: unique,
        label: humanize(key) || key,
        ...field,
        locator: { name: key, inputType: field.type, ...(section ? { section } : {}) },
        autocomplete: '',
        disabled: false,
        readOnly: false,
      });
    }
    return fields;
  } catch {
    // A Proxy or throwing getter in a page-made body: no fields rather than no snapshot.
    return [];
  }
}
