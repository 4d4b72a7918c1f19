import { findSection } from '../dom/find-section';
import { MAX_SECTIONS } from '../../capture/limits';

const FIELD_SELECTOR = 'input, select, textarea, [contenteditable=true], [contenteditable=""]';
const SKIPPED_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file']);

/** Every settings section on the page: the distinct containers of its editable fields, in page order. */
export function collectSections(doc: Document): Element[] {
  const containers: Element[] = [];
  for (const field of Array.from(doc.querySelectorAll(FIELD_SELECTOR))) {
    if (field instanceof HTMLInputElement && SKIPPED_TYPES.has(field.type)) continue;
    const container = findSection(field);
    if (!containers.includes(container)) containers.push(container);
    if (containers.length >= MAX_SECTIONS) break;
  }
  return containers;
}

/** The control that saves a section: its submit button, else a button labelled like "Save". */
export function findSaveControl(container: Element): HTMLElement | null {
  const buttons = Array.from(
    container.querySelectorAll<HTMLElement>('button, input[type=submit], input[type=button], [role=button]'),
  );
  const submit = buttons.find(
    (el) =>
      (el instanceof HTMLButtonElement && el.type === 'submit') || (el as HTMLInputElement).type === 'submit',
  );
  const named = buttons.find((el) => /\b(save|apply|update|submit)\b/i.test(el.textContent ?? ''));
  return submit ?? named ?? null;
}
