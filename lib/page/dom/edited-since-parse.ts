import { FIELD_CANDIDATES, isField } from './is-field';

/** True when `el`, a form control, shows other than its markup's value (typed, restored by the browser, scripted). */
function differsFromMarkup(el: Element): boolean {
  if (el instanceof HTMLSelectElement) {
    const options = Array.from(el.options);
    if (el.multiple) return options.some((option) => option.selected !== option.defaultSelected);
    // A single choice with no `selected` option shows its first one.
    return (
      Math.max(
        0,
        options.findIndex((option) => option.defaultSelected),
      ) !== el.selectedIndex
    );
  }
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
    return el.checked !== el.defaultChecked;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)
    return el.value !== el.defaultValue;
  return false;
}

/**
 * True when a field of `container` no longer shows what the page's markup gave it: on a page served with its values,
 * an edit made before Savepoint's script was given the page (or the browser's own restoring of a form).
 */
export function editedSinceParse(container: Element): boolean {
  return Array.from(container.querySelectorAll(FIELD_CANDIDATES)).some(
    (el) => isField(el) && differsFromMarkup(el),
  );
}
