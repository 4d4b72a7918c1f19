import { FIELD_CANDIDATES, isField } from './is-field';
import { isRendered } from './is-rendered';

/**
 * True when the page renders at least one of the section's fields: a form with `display: contents`, which has no
 * box of its own, still shows them. False for a closed dialog kept in the DOM.
 */
export function showsFields(container: Element): boolean {
  return Array.from(container.querySelectorAll(FIELD_CANDIDATES)).some((el) => isField(el) && isRendered(el));
}
