import type { CapturedField, Snapshot } from '../capture/snapshot';
import { diffSnapshots } from '../diff/diff-snapshots';

/**
 * What the page shows that the dashboard did not save: its fields whose value differs from `saved` (what the
 * dashboard holds as far as this browser knows: the section as the page loaded it or last saved it, else its newest
 * backup made here; see heldSection), as `saved` has them, with the page's own locators. Pressing the page's Save
 * sends its whole form, so a restore puts these back first; and `asSaved`, the page with them put back, is what the
 * dashboard held before the restore. A secret keeps only a hash: it is not put back.
 */
export function unsavedOnPage(
  page: Snapshot,
  saved: Pick<Snapshot, 'fields'> | null,
): { fields: CapturedField[]; asSaved: Snapshot } {
  const savedByKey = new Map((saved?.fields ?? []).map((field) => [field.key, field]));
  const differing = new Set(
    saved
      ? diffSnapshots(saved, page)
          .filter((change) => change.kind === 'changed' && !change.secret)
          .map((change) => change.key)
      : [],
  );
  const asSavedField = (field: CapturedField): CapturedField => {
    const was = savedByKey.get(field.key);
    if (!was || !differing.has(field.key)) return field;
    const put: CapturedField = { ...field, value: was.value };
    if (was.texts) put.texts = was.texts;
    else delete put.texts;
    return put;
  };
  const fields = page.fields.filter((field) => differing.has(field.key)).map(asSavedField);
  return { fields, asSaved: { ...page, fields: page.fields.map(asSavedField) } };
}
