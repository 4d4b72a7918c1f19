import { fieldLabel } from '../../capture/field-label';
import type { FieldLocator } from '../../capture/snapshot';

const FIELD = 'input, select, textarea, [contenteditable=true], [contenteditable=""]';

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function escapeAttr(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/** Elements of one field: the group of a radio/checkbox name, or the single element. */
function withGroup(root: ParentNode, el: Element): Element[] {
  const name = el.getAttribute('name');
  if (name && el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
    return Array.from(root.querySelectorAll(`input[name="${escapeAttr(name)}"]`));
  }
  return [el];
}

/**
 * Finds a captured field on the page again, trying its locators from the most to the least stable:
 * name, id, label text, aria-label. Returns the field's elements, or [] when it is gone.
 */
export function findField(root: ParentNode, locator: FieldLocator): Element[] {
  if (locator.name) {
    const byName = root.querySelector(`[name="${escapeAttr(locator.name)}"]`);
    if (byName) return withGroup(root, byName);
  }
  if (locator.id) {
    const byId = root.querySelector(`[id="${escapeAttr(locator.id)}"]`);
    if (byId?.matches(FIELD)) return withGroup(root, byId);
  }
  if (locator.label) {
    const wanted = clean(locator.label);
    // The label as a capture reads it (its first line, without the options of a select it wraps).
    for (const label of Array.from(root.querySelectorAll('label'))) {
      if (label.control && clean(fieldLabel(label.control)) === wanted) return withGroup(root, label.control);
    }
    for (const legend of Array.from(root.querySelectorAll('fieldset > legend'))) {
      const input = legend.parentElement?.querySelector(FIELD);
      if (clean(legend.textContent) === wanted && input) return withGroup(root, input);
    }
  }
  if (locator.ariaLabel) {
    const byAria = root.querySelector(`[aria-label="${escapeAttr(locator.ariaLabel)}"]`);
    if (byAria?.matches(FIELD)) return withGroup(root, byAria);
  }
  return [];
}
