/** Input types that hold no user setting (buttons) or that a backup must never hold (files, hidden tokens). */
const SKIPPED_INPUT_TYPES = new Set(['hidden', 'file', 'submit', 'button', 'reset', 'image']);

/** CSS selector for every element that might be a field; refine with `isField`. */
export const FIELD_CANDIDATES = 'input, select, textarea, [contenteditable]';

/** True when `el` is an editable contenteditable root (not a node nested inside another editable one). */
export function isEditableRoot(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  if (value === null || value.toLowerCase() === 'false') return false;
  const parent = el.parentElement?.closest('[contenteditable]');
  return !parent || parent.getAttribute('contenteditable')?.toLowerCase() === 'false';
}

/** True when `el` is a control whose value is a user setting (text, choice, toggle, editable text). */
export function isField(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') return !SKIPPED_INPUT_TYPES.has((el.getAttribute('type') ?? 'text').toLowerCase());
  if (tag === 'select' || tag === 'textarea') return true;
  return isEditableRoot(el);
}

/** True when `container` holds at least one field. */
export function hasField(container: Element): boolean {
  for (const el of Array.from(container.querySelectorAll(FIELD_CANDIDATES))) if (isField(el)) return true;
  return false;
}
