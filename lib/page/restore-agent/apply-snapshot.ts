import { sectionTitle, sectionType } from '../dom/find-section';
import { withoutBidiControls } from '../../capture/clean-text';
import type { CapturedField, Snapshot } from '../../capture/snapshot';
import { collectSections, findSaveControl } from '../capture-agent/collect-sections';
import { findControl } from '../capture-agent/locate-control';
import { isLocked } from '../dom/is-locked';
import type { ApplyReport, FieldReport } from '../../messaging/apply-report';
import { findField } from './find-field';
import { setFieldValue } from './set-field-value';

/** How many of a snapshot's fields a section on the page holds. */
function found(section: Element, snapshot: Snapshot): number {
  return snapshot.fields.filter((field) => findField(section, field.locator).length > 0).length;
}

/**
 * The section on the page a snapshot belongs to: of those of the same type (else the same title), the one holding
 * most of its fields (a search form typed like the settings form beside it is not the settings form).
 */
export function findSectionFor(doc: Document, snapshot: Snapshot): Element | null {
  const sections = collectSections(doc);
  // A title is kept without bidi controls (`finishSnapshot`), the page's heading may still hold them.
  const titleOf = (text: string) => withoutBidiControls(text).trim().toLowerCase();
  const title = titleOf(snapshot.title);
  const byType = sections.filter((section) => sectionType(section) === snapshot.type);
  const candidates = byType.length
    ? byType
    : sections.filter((section) => titleOf(sectionTitle(section)) === title);
  if (candidates.length < 2) return candidates[0] ?? null;
  return candidates
    .map((section) => ({ section, count: found(section, snapshot) }))
    .reduce((best, next) => (next.count > best.count ? next : best)).section;
}

/**
 * Fills the page with a backup's values (all fields, or the chosen keys) and triggers the dashboard's own save:
 * the control that saved it when captured, or the form's submit. A section saved by a request whose form is not on
 * the page is left alone here (`savedVia: 'none'`): the background sends its save request instead. Verification of
 * what the dashboard saved happens afterwards, in the background. `putBack` are the page's unsaved edits, as the
 * dashboard saved them: the save sends the whole form, so they are put back first (or nothing is saved).
 */
export function applySnapshot(
  doc: Document,
  snapshot: Snapshot,
  only?: string[],
  putBack: CapturedField[] = [],
): ApplyReport {
  const container = findSectionFor(doc, snapshot);
  const report: ApplyReport = { type: snapshot.type, title: snapshot.title, savedVia: 'none', fields: [] };
  // Without its section on screen, fields are not looked for page-wide: a same-named box elsewhere is not it.
  if (!container && snapshot.request) return report;
  const root: ParentNode = container ?? doc;
  const fields = report.fields;
  for (const field of putBack) {
    if (!setFieldValue(findField(root, field.locator), field.value)) {
      report.saveError = `${field.label || field.key} has an unsaved change on the page that could not be put back, so nothing was saved`;
      return report;
    }
  }
  let filled = 0;
  // A field the page keeps disabled is not filled: its form would not post it, and the page does not let it change.
  // It is looked at again once the others are filled, which may have enabled it (a toggle above it).
  const locked: { at: number; field: CapturedField; elements: Element[] }[] = [];
  for (const field of snapshot.fields) {
    const base = { key: field.key, label: field.label || field.key, expected: field.value };
    if ((only && !only.includes(field.key)) || field.secret) {
      fields.push({ ...base, outcome: 'skipped' });
      continue;
    }
    const elements = findField(root, field.locator);
    if (elements.length === 0) {
      fields.push({ ...base, outcome: 'not-found' });
      continue;
    }
    if (elements.every(isLocked)) {
      locked.push({ at: fields.length, field, elements });
      fields.push({ ...base, outcome: 'locked' });
      continue;
    }
    const ok = setFieldValue(elements, field.value);
    fields.push({ ...base, outcome: ok ? 'applied' : 'rejected' });
    if (ok) filled += 1;
  }
  for (const { at, field, elements } of locked) {
    if (elements.every(isLocked)) continue;
    const ok = setFieldValue(elements, field.value);
    fields[at] = { ...(fields[at] as FieldReport), outcome: ok ? 'applied' : 'rejected' };
    if (ok) filled += 1;
  }
  if (filled === 0) {
    const chosen = fields.filter((field) => field.outcome !== 'skipped');
    if (chosen.length && chosen.every((field) => field.outcome === 'locked'))
      report.saveError = 'The page keeps the chosen fields locked (disabled), so nothing was saved';
    return report;
  }
  const control =
    (container && snapshot.trigger.submitter ? findControl(container, snapshot.trigger.submitter) : null) ??
    (container ? findSaveControl(container) : null);
  if (control) {
    // Let the reply go out before a native form post unloads the page.
    setTimeout(() => control.click(), 0);
    report.savedVia = 'control';
  } else if (container instanceof HTMLFormElement) {
    setTimeout(() => (container as HTMLFormElement).requestSubmit(), 0);
    report.savedVia = 'control';
  }
  return report;
}
