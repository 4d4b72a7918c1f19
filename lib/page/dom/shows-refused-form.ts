import { FIELD_CANDIDATES, isField } from './is-field';

/**
 * Classes a page puts on a field, or on the element around it, when the server refused its value: DokuWiki's
 * `td.value.error`, Rails' `field_with_errors`, Bootstrap's `is-invalid` and `has-error`.
 */
const MARKED = '.error, .has-error, .is-invalid, .field_with_errors, .invalid';

/** True when `field` is marked refused: `aria-invalid`, or a marked class on it or around it inside `form`. */
function isMarked(field: Element, form: Element): boolean {
  if (field.getAttribute('aria-invalid')?.toLowerCase() === 'true') return true;
  const marked = field.closest(MARKED);
  return marked !== null && marked !== form && form.contains(marked);
}

/**
 * The forms the page shows with a field marked as refused: the answer of a classic form post the server did not
 * accept, sent back 200 with the form to correct (no redirect). Hidden fields and fields in hidden parts (a template
 * for errors yet to come) do not count.
 */
export function refusedForms(doc: Document = document): HTMLFormElement[] {
  return Array.from(doc.forms).filter((form) =>
    Array.from(form.querySelectorAll(FIELD_CANDIDATES)).some(
      (field) => isField(field) && !field.closest('[hidden], [aria-hidden="true"]') && isMarked(field, form),
    ),
  );
}

/** True when the page shows a form with a field marked as refused (see `refusedForms`). */
export function showsRefusedForm(doc: Document = document): boolean {
  return refusedForms(doc).length > 0;
}
