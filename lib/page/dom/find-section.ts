import { hasField } from './is-field';

export { sectionTitle } from '../../capture/section-title';
export { sectionType } from '../../capture/section-type';

/**
 * Containers that mark a settings section by their semantics alone, dialogs and the trays, modals and drawers
 * apps name by class included (Node-RED's user settings live in a `.red-ui-tray` with no heading element).
 */
const SEMANTIC_SECTION =
  'fieldset, section, [role=region], [role=form], [role=group], article, dialog, [role=dialog], ' +
  '[role=alertdialog], [aria-modal=true], [class*=tray], [class*=modal], [class*=drawer], [class*=dialog]';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role=heading]';

/** Controls that save a section; a block with one of them is a whole section, not a sub-group of one. */
const SAVE_CONTROL = 'button, input[type=submit], input[type=button], input[type=image], [role=button]';
/** Candidate containers considered while looking for one with a save control, nearest first. */
const MAX_CANDIDATES = 3;

/**
 * The container of the settings section `el` belongs to: its form; else, walking up, the nearest semantic container
 * (fieldset, section, region, group, article) or headed block that holds a field, preferring among the nearest
 * three the first that also holds a save control (so a legend-titled radio group is part of its section); else
 * `document.body`.
 */
export function findSection(el: Element): Element {
  // `.form` follows the `form=` attribute; a tag check, because a form's own `.form` may name a child control.
  const owner = (el as Partial<HTMLInputElement>).form;
  if (owner && typeof owner === 'object' && owner.tagName === 'FORM') return owner;
  const form = el.closest('form');
  if (form) return form;
  const body = el.ownerDocument.body ?? el.ownerDocument.documentElement;
  const candidates: Element[] = [];
  // One walk up, nearest first: a page-wide <main role=region> must not swallow the headed blocks inside it.
  // A container must hold a field, so a `role=group` toolbar around the Save button is passed over.
  for (let node: Element | null = el; node && node !== body && candidates.length < MAX_CANDIDATES;) {
    if ((node.matches(SEMANTIC_SECTION) || node.querySelector(HEADING)) && hasField(node)) {
      if (node.querySelector(SAVE_CONTROL)) return node;
      candidates.push(node);
    }
    node = node.parentElement;
  }
  return candidates[0] ?? body;
}
