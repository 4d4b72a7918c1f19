import type { Snapshot } from '../capture/snapshot';
import type { ApplyReport } from '../messaging/apply-report';
import { sameValue as same } from './same-value';
import { SENT_OUTCOMES as SENT } from './sent-outcomes';

/**
 * Marks each field a restore's save set over a newer save made elsewhere (`replaced`): the form page loaded for the
 * restore (`held`, what the dashboard held then) had a value other than what this browser knew it held (`known`: the
 * section as the page had loaded it), a teammate's or another tab's save, which the restore replaced and "Undo
 * restore" puts back. Secrets keep no value to compare.
 */
export function replacedNewerSaves(
  report: ApplyReport,
  known: Pick<Snapshot, 'fields'>,
  held: Pick<Snapshot, 'fields'>,
): ApplyReport {
  const knownByKey = new Map(known.fields.map((field) => [field.key, field]));
  const heldByKey = new Map(held.fields.map((field) => [field.key, field]));
  const fields = report.fields.map((field) => {
    const was = knownByKey.get(field.key);
    const then = heldByKey.get(field.key);
    if (!SENT.has(field.outcome) || !was || !then || was.secret || then.secret) return field;
    if (same(then.value, was.value) || same(then.value, field.expected)) return field;
    // The dashboard kept the newer value after all: nothing was replaced.
    if (field.outcome === 'changed-by-dashboard' && same(field.actual, then.value)) return field;
    return { ...field, replaced: then.value, ...(then.texts ? { replacedTexts: then.texts } : {}) };
  });
  return { ...report, fields };
}
