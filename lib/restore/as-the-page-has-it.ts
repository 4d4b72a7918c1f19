import type { Snapshot } from '../capture/snapshot';

/**
 * A backup this browser did not make (pulled from Convex, imported) as a restore on the page applies it: its values,
 * put where this browser reads the same fields on the page now (`current`, by key), with the page's labels, and
 * saved by the section's own save control. Where a field goes and which button is pressed are data in a backup:
 * any capture key of the workspace, or a crafted bundle, could otherwise point "Primary bot name" at a hidden owner
 * field, or its save at "Delete bot", behind a preview that shows neither. A field the page does not show is not
 * found; `current` null (the section is not on the page) finds none.
 */
export function asThePageHasIt(backup: Snapshot, current: Snapshot | null): Snapshot {
  const onPage = new Map((current?.fields ?? []).map((field) => [field.key, field]));
  return {
    ...backup,
    trigger: { kind: backup.trigger.kind },
    fields: backup.fields.map((field) => {
      const here = onPage.get(field.key);
      return here
        ? { ...field, label: here.label, locator: here.locator }
        : { ...field, locator: { inputType: field.locator.inputType } };
    }),
  };
}
