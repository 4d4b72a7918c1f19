import { withoutBidiControls } from './clean-text';
import type { Snapshot } from './snapshot';

/**
 * `snapshot` with no bidi controls in what the popup shows as names: its section title and its fields' labels.
 * Values, keys and locators stay exact: values and keys are restored and hashed (`contentHash`), locators find the
 * field on the page again. For every snapshot that enters from elsewhere: a page, a pull, an import.
 */
export function snapshotWithoutBidiControls(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    title: withoutBidiControls(snapshot.title),
    fields: snapshot.fields.map((field) => ({ ...field, label: withoutBidiControls(field.label) })),
  };
}
