import type { CapturedField, Snapshot } from '../../../lib/capture/snapshot';
import type { RawField } from '../../../lib/capture/snapshot-draft';

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

/** A text field as a page's draft has it (what the capture script reads), before the worker finishes it. */
export function rawField(key: string, value: string): RawField {
  return {
    key,
    label: key,
    value,
    locator: { name: key, inputType: 'text' },
    type: 'text',
    autocomplete: '',
    disabled: false,
    readOnly: false,
    truncated: false,
  };
}
