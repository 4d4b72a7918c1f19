import { escapeHtml } from './html';

/** Status line of a section shown on load: "Saved" after a form's 303, or the failure a form post got. */
export interface SectionStatus {
  text: string;
  detail?: string;
}

/** Statuses by section slug. */
export type SectionStatuses = Partial<Record<string, SectionStatus>>;

/** Common parts of a labelled control: `id` doubles as the `<label for>` target. */
interface FieldBase {
  id: string;
  name: string;
  label: string;
  help?: string;
}

function helpText(field: FieldBase): string {
  return field.help ? `<p class="help" id="${field.id}-help">${escapeHtml(field.help)}</p>` : '';
}

function describedBy(field: FieldBase): string {
  return field.help ? ` aria-describedby="${field.id}-help"` : '';
}

/** A labelled text, number or password input with optional help text. */
export function inputField(
  field: FieldBase & { value: string | number; type?: string; extra?: string },
): string {
  return `<div class="field">
  <label for="${field.id}">${escapeHtml(field.label)}</label>
  <input id="${field.id}" name="${field.name}" type="${field.type ?? 'text'}" value="${escapeHtml(field.value)}"${describedBy(field)}${field.extra ? ` ${field.extra}` : ''}>
  ${helpText(field)}
</div>`;
}

/** A labelled multi-line text area. */
export function textareaField(field: FieldBase & { value: string; rows?: number }): string {
  return `<div class="field">
  <label for="${field.id}">${escapeHtml(field.label)}</label>
  <textarea id="${field.id}" name="${field.name}" rows="${field.rows ?? 4}"${describedBy(field)}>${escapeHtml(field.value)}</textarea>
  ${helpText(field)}
</div>`;
}

/** A labelled select whose options map stored values to visible labels. */
export function selectField(field: FieldBase & { value: string; options: Record<string, string> }): string {
  const options = Object.entries(field.options)
    .map(
      ([value, label]) =>
        `<option value="${escapeHtml(value)}"${value === field.value ? ' selected' : ''}>${escapeHtml(label)}</option>`,
    )
    .join('');
  return `<div class="field">
  <label for="${field.id}">${escapeHtml(field.label)}</label>
  <select id="${field.id}" name="${field.name}"${describedBy(field)}>${options}</select>
  ${helpText(field)}
</div>`;
}

/** A checkbox with its label beside it. */
export function checkboxField(field: FieldBase & { checked: boolean }): string {
  return `<div class="field field-check">
  <input id="${field.id}" name="${field.name}" type="checkbox"${field.checked ? ' checked' : ''}${describedBy(field)}>
  <label for="${field.id}">${escapeHtml(field.label)}</label>
  ${helpText(field)}
</div>`;
}

/** A radio group in a fieldset whose legend names the group. */
export function radioGroup(
  field: Omit<FieldBase, 'label'> & { legend: string; value: string; options: Record<string, string> },
): string {
  const radios = Object.entries(field.options)
    .map(
      ([value, label]) => `<div class="radio">
    <input id="${field.id}-${value}" name="${field.name}" type="radio" value="${escapeHtml(value)}"${value === field.value ? ' checked' : ''}>
    <label for="${field.id}-${value}">${escapeHtml(label)}</label>
  </div>`,
    )
    .join('');
  return `<fieldset class="field radio-group"${field.help ? ` aria-describedby="${field.id}-help"` : ''}>
  <legend>${escapeHtml(field.legend)}</legend>
  ${radios}
  ${field.help ? `<p class="help" id="${field.id}-help">${escapeHtml(field.help)}</p>` : ''}
</fieldset>`;
}

/** A card footer with a Save button (visible text "Save", unique accessible name), its live status and error detail. */
export function saveBar(options: {
  id: string;
  ariaLabel: string;
  type: 'button' | 'submit';
  status?: SectionStatus;
  text?: string;
  extraButtons?: string;
}): string {
  const failed = options.status?.text.startsWith('Save failed') ?? false;
  return `<div class="save-bar">
  <button id="${options.id}-save" class="primary" type="${options.type}" aria-label="${escapeHtml(options.ariaLabel)}">${escapeHtml(options.text ?? 'Save')}</button>
  ${options.extraButtons ?? ''}
  <span class="save-status${failed ? ' is-error' : ''}" id="${options.id}-status" role="status" aria-live="polite">${escapeHtml(options.status?.text ?? '')}</span>
</div>
<p class="save-detail" id="${options.id}-detail">${escapeHtml(options.status?.detail ?? '')}</p>`;
}
