import { cleanText } from './clean-text';

/** Elements whose text belongs to a control, not to the label around it (a select's options, say). */
const CONTROLS_IN_LABEL = 'input, select, textarea, button, [contenteditable]';

/** Elements that start a line of their own: in a label, a title above its description. */
const LINE_BREAKS = 'p, div, br, li, ul, ol, h1, h2, h3, h4, h5, h6, dl, dt, dd, section, header, blockquote';

/** Marks where a line ends (a newline in the label's own text is a space, as the page shows it). */
const LINE_END = '\u0000';

/**
 * Text of `label` without the text of the controls it wraps: its first line, when it holds more (Node-RED's
 * `<label><p>Enable Update Notifications</p>Node-RED can notify you…</label>`: a title, then its description).
 */
function labelText(label: Element): string {
  const copy = label.cloneNode(true) as Element;
  for (const control of Array.from(copy.querySelectorAll(CONTROLS_IN_LABEL))) control.remove();
  for (const block of Array.from(copy.querySelectorAll(LINE_BREAKS))) {
    block.before(LINE_END);
    block.after(LINE_END);
  }
  const lines = (copy.textContent ?? '').split(LINE_END).map((line) => cleanText(line));
  return lines.find((line) => line !== '') ?? '';
}

/** Joined text of the elements named by an `aria-labelledby` value, looked up in `el`'s document or shadow root. */
export function textOfIds(el: Element, ids: string | null): string {
  if (!ids) return '';
  const root = el.getRootNode() as Document | ShadowRoot;
  const texts = ids.split(/\s+/).map((id) => (id ? root.getElementById?.(id)?.textContent : '') ?? '');
  return cleanText(texts.join(' '));
}

/** The visible label of a control: `<label for>`, a wrapping `<label>`, or `aria-labelledby`; '' if none. */
export function fieldLabel(el: Element): string {
  const id = el.getAttribute('id');
  if (id) {
    const root = el.getRootNode() as Document | ShadowRoot;
    for (const label of Array.from(root.querySelectorAll?.('label[for]') ?? [])) {
      if (label.getAttribute('for') === id) {
        const text = labelText(label);
        if (text) return text;
      }
    }
  }
  const wrapping = el.closest('label');
  const text = wrapping ? labelText(wrapping) : '';
  return text || textOfIds(el, el.getAttribute('aria-labelledby'));
}

/**
 * The label of a radio or checkbox group: the legend of the fieldset around it, or the aria-label(ledby) of its
 * `role=radiogroup`/`role=group`; only groups inside `container` count (the container's own legend is its title).
 */
export function groupLabel(el: Element, container: Element): { label: string; ariaLabel: string } {
  const group = el.closest('fieldset, [role=radiogroup], [role=group]');
  if (!group || group === container || !container.contains(group)) return { label: '', ariaLabel: '' };
  const ariaLabel = cleanText(group.getAttribute('aria-label'));
  const legend = group.querySelector(':scope > legend');
  const label = (legend && labelText(legend)) || textOfIds(group, group.getAttribute('aria-labelledby'));
  return { label, ariaLabel };
}

/** "reviewMode" / "max_tickets" → "Review mode" / "Max tickets": a readable label from a name. */
export function humanize(name: string): string {
  const words = name
    .replace(/\[\]$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.[\]]+/g, ' ')
    .toLowerCase();
  const text = cleanText(words);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
