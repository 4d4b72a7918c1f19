import type { FieldValue } from '../../capture/snapshot';

type Editable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Sets a value the way a user would, so frameworks that track inputs (React and friends) notice. */
function setNativeValue(el: Editable, value: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function setChecked(el: HTMLInputElement, checked: boolean): void {
  // A click is what a user does: it toggles and fires input/change in the order frameworks expect.
  if (el.checked !== checked) el.click();
}

/**
 * Puts `value` into the field(s) `elements` (one element, or the checkboxes/radios of a group).
 * Returns false when the value does not fit the field.
 */
export function setFieldValue(elements: Element[], value: FieldValue): boolean {
  const [first] = elements;
  if (!first || value === null) return false;
  if (first instanceof HTMLInputElement && first.type === 'radio') {
    const target = elements.find((el) => (el as HTMLInputElement).value === value) as
      HTMLInputElement | undefined;
    if (!target) return value === '';
    setChecked(target, true);
    return true;
  }
  if (first instanceof HTMLInputElement && first.type === 'checkbox') {
    if (typeof value === 'boolean') {
      setChecked(first, value);
      return true;
    }
    const wanted = new Set(Array.isArray(value) ? value : [String(value)]);
    for (const el of elements as HTMLInputElement[]) setChecked(el, wanted.has(el.value));
    return true;
  }
  if (first instanceof HTMLSelectElement && first.multiple) {
    const wanted = new Set(Array.isArray(value) ? value : [String(value)]);
    for (const option of Array.from(first.options)) option.selected = wanted.has(option.value);
    first.dispatchEvent(new Event('input', { bubbles: true }));
    first.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }
  if (
    first instanceof HTMLInputElement ||
    first instanceof HTMLSelectElement ||
    first instanceof HTMLTextAreaElement
  ) {
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (first instanceof HTMLSelectElement && !Array.from(first.options).some((o) => o.value === text))
      return false;
    setNativeValue(first, text);
    return true;
  }
  if (first instanceof HTMLElement && first.isContentEditable) {
    first.textContent = String(value);
    first.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  }
  return false;
}
