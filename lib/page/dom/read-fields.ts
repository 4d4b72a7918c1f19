import type { FieldLocator } from '../../capture/snapshot';
import type { RawField } from '../../capture/snapshot-draft';
import { cleanText } from '../../capture/clean-text';
import { fieldLabel, groupLabel, humanize } from '../../capture/field-label';
import { FIELD_CANDIDATES, isField } from './is-field';
import { isLocked } from './is-locked';
import { chosenTexts } from './chosen-texts';
import { optionTexts } from './option-texts';
import { MAX_FIELDS, truncateValue } from '../../capture/limits';
import { sectionTitle } from '../../capture/section-title';
import { slugify } from '../../capture/slugify';

type Control = HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement;

function controlType(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') return ((el as HTMLInputElement).type || 'text').toLowerCase();
  if (tag === 'select') return el.hasAttribute('multiple') ? 'select-multiple' : 'select-one';
  if (tag === 'textarea') return 'textarea';
  return 'contenteditable';
}

function isDisabled(el: Element): boolean {
  return isLocked(el) || el.getAttribute('aria-disabled') === 'true';
}

/** Every element of the section, including controls outside a form that join it with `form="id"`. */
function candidates(container: Element): Element[] {
  const inside = Array.from(container.querySelectorAll(FIELD_CANDIDATES));
  const id = container.tagName === 'FORM' ? container.getAttribute('id') : null;
  if (!id) return inside;
  const root = container.getRootNode() as Document | ShadowRoot;
  const outside = Array.from(root.querySelectorAll?.('[form]') ?? []).filter(
    (el) => el.getAttribute('form') === id && !container.contains(el),
  );
  return [...inside, ...outside];
}

function readOne(el: Element, container: Element, all: Element[], counts: Map<string, number>) {
  const type = controlType(el);
  const control = el as Control;
  const name = el.getAttribute('name') ?? '';
  const grouped = (type === 'radio' || (type === 'checkbox' && (counts.get(name) ?? 0) > 1)) && name !== '';
  const arrayGroup =
    type === 'checkbox' && name !== '' && (name.endsWith('[]') || (counts.get(name) ?? 0) > 1);
  const members =
    grouped || arrayGroup
      ? all.filter((m) => m.getAttribute('name') === name && controlType(m) === type)
      : [el];
  const own = grouped || arrayGroup ? groupLabel(el, container) : null;
  const label = own ? own.label : fieldLabel(el);
  const ariaLabel = own ? own.ariaLabel : cleanText(el.getAttribute('aria-label'));
  let truncated = false;
  // Every text is cut at the snapshot limit, option and radio values too: a draft holds no longer string.
  const cut = (text: string) => {
    const kept = truncateValue(text);
    truncated ||= kept !== text;
    return kept;
  };
  let value: RawField['value'];
  if (type === 'radio') {
    const checked = members.find((m) => (m as Control).checked);
    value = cut(checked ? (checked as Control).value : '');
  } else if (arrayGroup) {
    value = members.filter((m) => (m as Control).checked).map((m) => cut((m as Control).value));
  } else if (type === 'checkbox') {
    value = control.checked === true;
  } else if (type === 'select-multiple') {
    value = Array.from(control.options ?? [])
      .filter((o) => o.selected)
      .map((o) => cut(o.value));
  } else {
    value = cut(String((type === 'contenteditable' ? el.textContent : control.value) ?? ''));
  }
  // What the page shows for the chosen value: a drop-down's option text, a radio button's label.
  const texts = type.startsWith('select-')
    ? optionTexts(el as HTMLSelectElement)
    : type === 'radio'
      ? chosenTexts(
          members.map((m) => ({
            value: (m as Control).value,
            text: fieldLabel(m),
            chosen: (m as Control).checked === true,
          })),
        )
      : undefined;
  const onValue = typeof value === 'boolean' ? cut(String(control.value ?? 'on')) : undefined;
  return { el, members, type, name, label, ariaLabel, value, truncated, texts, onValue };
}

/** Reads every user-editable field of a section; radio and checkbox groups become one field each. Never throws. */
export function readFields(container: Element): RawField[] {
  const fields: RawField[] = [];
  const section = sectionTitle(container);
  let all: Element[];
  try {
    all = candidates(container).filter(isField);
  } catch {
    return fields;
  }
  const counts = new Map<string, number>();
  for (const el of all) {
    const name = el.getAttribute('name');
    if (name && controlType(el) === 'checkbox') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const done = new Set<Element>();
  const keys = new Set<string>();
  for (const el of all) {
    if (fields.length >= MAX_FIELDS) break;
    if (done.has(el)) continue;
    try {
      const read = readOne(el, container, all, counts);
      for (const member of read.members) done.add(member);
      const single = read.members.length === 1 && read.type !== 'radio';
      const id = single ? (el.getAttribute('id') ?? '') : '';
      const base = read.name || id || slugify(read.label || read.ariaLabel, 100) || `${read.type}-field`;
      let key = base;
      for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
      keys.add(key);
      const locator: FieldLocator = { inputType: read.type };
      if (read.name) locator.name = read.name;
      if (id) locator.id = id;
      if (read.label) locator.label = read.label;
      if (read.ariaLabel) locator.ariaLabel = read.ariaLabel;
      if (section) locator.section = section;
      fields.push({
        key,
        label: read.label || read.ariaLabel || cleanText(el.getAttribute('placeholder')) || humanize(base),
        value: read.value,
        locator,
        type: read.type,
        autocomplete: cleanText(el.getAttribute('autocomplete')).toLowerCase(),
        disabled: read.members.every(isDisabled),
        ...(read.members.every(isLocked) ? { locked: true as const } : {}),
        readOnly: el.hasAttribute('readonly'),
        truncated: read.truncated,
        ...(read.texts ? { texts: read.texts } : {}),
        ...(read.onValue !== undefined ? { onValue: read.onValue } : {}),
      });
    } catch {
      // A control whose getters throw (a broken custom element, say) is skipped; the rest of the section is kept.
    }
  }
  return fields;
}
