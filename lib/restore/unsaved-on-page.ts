import { secretHash } from '../capture/secret-hash';
import type { CapturedField, Snapshot } from '../capture/snapshot';
import { diffSnapshots } from '../diff/diff-snapshots';

/**
 * What the page shows that the dashboard did not save: its fields whose value differs from `saved` (what the
 * dashboard holds as far as this browser knows: the section as the page loaded it or last saved it, else its newest
 * backup made here; see heldSection), as `saved` has them, with the page's own locators. Pressing the page's Save
 * sends its whole form, so a restore puts these back first; and `asSaved`, the page with them put back, is what the
 * dashboard held before the restore.
 *
 * A secret keeps only a hash (made with this browser's `salt`), so one typed on the page cannot be put back as
 * saved: one the dashboard held empty (a key it never shows, "leave blank to keep") is emptied again (in `fields`,
 * value ''); for any other, `blocked` names the first, and nothing may be saved.
 */
export async function unsavedOnPage(
  page: Snapshot,
  saved: Pick<Snapshot, 'fields'> | null,
  salt: string,
): Promise<{ fields: CapturedField[]; asSaved: Snapshot; blocked?: CapturedField }> {
  const savedByKey = new Map((saved?.fields ?? []).map((field) => [field.key, field]));
  const differing = new Set(
    saved
      ? diffSnapshots(saved, page)
          .filter((change) => change.kind === 'changed' && !change.secret)
          .map((change) => change.key)
      : [],
  );
  const typed = new Set<string>();
  const emptied = new Set<string>();
  let blocked: CapturedField | undefined;
  for (const field of page.fields) {
    const was = savedByKey.get(field.key)?.secret?.hash;
    if (!field.secret || !was || was === field.secret.hash) continue;
    typed.add(field.key);
    if (was === (await secretHash(salt, field.key, ''))) emptied.add(field.key);
    else blocked ??= field;
  }
  const asSavedField = (field: CapturedField): CapturedField => {
    const was = savedByKey.get(field.key);
    // A typed secret is held as the dashboard's hash of it: its value is never stored.
    if (was?.secret && typed.has(field.key)) return { ...field, secret: was.secret };
    if (!was || !differing.has(field.key)) return field;
    const put: CapturedField = { ...field, value: was.value };
    if (was.texts) put.texts = was.texts;
    else delete put.texts;
    return put;
  };
  const fields = [
    ...page.fields.filter((field) => differing.has(field.key)).map(asSavedField),
    ...page.fields.filter((field) => emptied.has(field.key)).map((field) => ({ ...field, value: '' })),
  ];
  return {
    fields,
    asSaved: { ...page, fields: page.fields.map(asSavedField) },
    ...(blocked ? { blocked } : {}),
  };
}
