import { withoutBidiControls } from '../capture/clean-text';

/**
 * A backup's label and note as the journal keeps them, whoever wrote them (Capture now, an import, another device):
 * without bidi controls, so a label cannot pose as other text, and left out when nothing else is in them.
 */
export function labelAndNote(from: { label?: string | undefined; note?: string | undefined }): {
  label?: string;
  note?: string;
} {
  const label = withoutBidiControls(from.label ?? '');
  const note = withoutBidiControls(from.note ?? '');
  return { ...(label ? { label } : {}), ...(note ? { note } : {}) };
}
