import type { CapturedField, Snapshot } from '../../../lib/capture/snapshot';

/** A text field of a snapshot. */
export function field(key: string, value: CapturedField['value'], label = key): CapturedField {
  return { key, label, value, locator: { name: key, label, inputType: 'text' } };
}

/** A snapshot of a section with the given field values. */
export function snapshot(type: string, values: Record<string, CapturedField['value']>): Snapshot {
  return {
    type,
    title: type,
    pageUrl: `http://127.0.0.1:4400/acme/settings`,
    fields: Object.entries(values).map(([key, value]) => field(key, value)),
    trigger: { kind: 'fetch' },
    leftOut: [],
  };
}
