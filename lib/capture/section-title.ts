import { cleanText } from './clean-text';
import { textOfIds } from './field-label';
import { MAX_TITLE_CHARS } from './limits';

const HEADING = 'h1, h2, h3, h4, h5, h6, [role=heading]';
/** How many earlier siblings are searched for a heading that titles a container from outside. */
const MAX_SIBLINGS_FOR_TITLE = 3;

/** Ancestors whose earlier siblings may title a container from outside (`<h1>…</h1><div><form>`). */
const MAX_ANCESTORS_FOR_TITLE = 2;

function headingBefore(container: Element): string {
  let node: Element | null = container;
  for (let up = 0; node && up <= MAX_ANCESTORS_FOR_TITLE; up++, node = node.parentElement) {
    let sibling = node.previousElementSibling;
    for (let i = 0; sibling && i < MAX_SIBLINGS_FOR_TITLE; i++, sibling = sibling.previousElementSibling) {
      if (sibling.matches(HEADING)) return sibling.textContent ?? '';
      const inner = sibling.querySelectorAll(HEADING);
      if (inner.length) return inner[inner.length - 1]?.textContent ?? '';
    }
    if (node.parentElement?.matches('body, main')) break;
  }
  return '';
}

/**
 * The heading that titles the container itself: its first heading, unless a heading of the same level follows it
 * inside (then each heads one group of a larger form, as DokuWiki's "DokuWiki", "Plugins", "Templates" do, and
 * the form's title is found outside it).
 */
function ownHeading(container: Element): string {
  const headings = Array.from(container.querySelectorAll(HEADING));
  const [first] = headings;
  if (!first) return '';
  const level = first.tagName;
  if (level.startsWith('H') && headings.slice(1).some((h) => h.tagName === level)) return '';
  return first.textContent ?? '';
}

/** Dialogs, trays, drawers and panels a settings form may open in, by role or by the class names apps give them. */
const DIALOG =
  'dialog, [role=dialog], [role=alertdialog], [aria-modal=true], [class*=tray], [class*=modal], ' +
  '[class*=drawer], [class*=dialog], [class*=panel]';
const DIALOG_TITLE = `${HEADING}, [class*=title], [class*=header]`;

/** Text of a title bar without the buttons in it ("User Settings", not "User SettingsClose"). */
function textWithoutControls(bar: Element): string {
  const copy = bar.cloneNode(true) as Element;
  copy
    .querySelectorAll('button, [role=button], input, select, textarea, a')
    .forEach((control) => control.remove());
  return copy.textContent ?? '';
}

/**
 * True when `bar` is one of several alike inside `node` (the same tag and classes): each then titles one panel of a
 * group (Syncthing's Advanced dialog: "GUI", "Options", "LDAP"…), not `node`.
 */
function titlesOnePanel(node: Element, bar: Element): boolean {
  const alike = Array.from(node.querySelectorAll(DIALOG_TITLE)).filter(
    (other) => other.tagName === bar.tagName && other.className === bar.className,
  );
  return alike.length > 1;
}

/** The title of the dialog, tray or panel around `container`: its aria label, heading or title bar. */
function dialogTitle(container: Element): string {
  for (let node = container.closest(DIALOG); node; node = node.parentElement?.closest(DIALOG) ?? null) {
    const bar = node.querySelector(DIALOG_TITLE);
    const title =
      node.getAttribute('aria-label') ||
      textOfIds(node, node.getAttribute('aria-labelledby')) ||
      (bar && !titlesOnePanel(node, bar) ? textWithoutControls(bar) : '');
    if (cleanText(title)) return title ?? '';
  }
  return '';
}

/**
 * Human title of a section: its first heading, own legend, aria-label(ledby), the title of the dialog, tray or panel
 * it sits in, its form's name, or a heading just before it; '' when none (the background then names it).
 */
export function sectionTitle(container: Element): string {
  try {
    const candidates = [
      () => ownHeading(container),
      () => container.querySelector(':scope > legend')?.textContent,
      () => container.getAttribute('aria-label'),
      () => textOfIds(container, container.getAttribute('aria-labelledby')),
      () => dialogTitle(container),
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
