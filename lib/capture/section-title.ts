import { cleanText } from './clean-text';
import { textOfIds } from './field-label';
import { MAX_TITLE_CHARS } from './limits';

const HEADING = 'h1, h2, h3, h4, h5, h6, [role=heading]';
/** How many earlier siblings are searched for a heading that titles a container from outside. */
const MAX_SIBLINGS_FOR_TITLE = 3;

function headingBefore(container: Element): string {
  let sibling = container.previousElementSibling;
  for (let i = 0; sibling && i < MAX_SIBLINGS_FOR_TITLE; i++, sibling = sibling.previousElementSibling) {
    if (sibling.matches(HEADING)) return sibling.textContent ?? '';
    const inner = sibling.querySelectorAll(HEADING);
    if (inner.length) return inner[inner.length - 1]?.textContent ?? '';
  }
  return '';
}

/** Human title of a section: its first heading, own legend, aria-label(ledby), form name, or a heading just before it. */
export function sectionTitle(container: Element): string {
  try {
    const candidates = [
      () => container.querySelector(HEADING)?.textContent,
      () => container.querySelector(':scope > legend')?.textContent,
      () => container.getAttribute('aria-label'),
      () => textOfIds(container, container.getAttribute('aria-labelledby')),
      () => (container.tagName === 'FORM' ? container.getAttribute('name') : ''),
      () => headingBefore(container),
    ];
    for (const candidate of candidates) {
      const title = cleanText(candidate(), MAX_TITLE_CHARS);
      if (title) return title;
    }
  } catch {
    // Odd DOM (detached nodes, exotic roots): a section without a title is still a section.
  }
  return '';
}
