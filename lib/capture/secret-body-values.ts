import { digestValue } from './digest-value';
import type { RawField } from './snapshot-draft';

/** Most string values of a body compared with the page's digested secrets (a settings body has far fewer). */
const MAX_COMPARED = 2000;

function stringsIn(value: unknown, out: Set<string>, depth = 0): void {
  if (out.size >= MAX_COMPARED || depth > 20) return;
  if (typeof value === 'string') {
    if (value !== '') out.add(value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const item of Array.isArray(value) ? value : Object.values(value as Record<string, unknown>)) {
    stringsIn(item, out, depth + 1);
  }
}

/**
 * The values of the section's secret fields as they appear in the save request's body, whatever the body calls
 * them (`{ relayAuth: … }`, `[{ name, value }]` pairs): the plain values of secrets found here, and body strings
 * whose SHA-256 is a digest the page sent for a password or secret-autocomplete field.
 */
export async function secretBodyValues(body: unknown, secrets: RawField[]): Promise<Set<string>> {
  const found = new Set<string>();
  const digests = new Set<string>();
  for (const field of secrets) {
    if (field.digested && typeof field.value === 'string') digests.add(field.value);
    else
      for (const value of [field.value].flat())
        if (typeof value === 'string' && value !== '') found.add(value);
  }
  if (digests.size > 0) {
    const strings = new Set<string>();
    stringsIn(body, strings);
    for (const text of strings) if (digests.has(await digestValue(text))) found.add(text);
  }
  return found;
}
