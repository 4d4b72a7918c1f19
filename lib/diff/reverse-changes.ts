import type { FieldChange } from './diff-snapshots';

const OPPOSITE = { added: 'removed', removed: 'added' } as const;

/**
 * The same comparison read the other way ("this backup → the page now" from "the page now → this backup"): before
 * and after swap, and a field only one side has is added where it was removed.
 */
export function reverseChanges(changes: FieldChange[]): FieldChange[] {
  return changes.map((change) => {
    const { beforeTexts, afterTexts, secret } = change;
    const reversed: FieldChange = {
      key: change.key,
      label: change.label,
      kind: change.kind === 'added' || change.kind === 'removed' ? OPPOSITE[change.kind] : change.kind,
      before: change.after,
      after: change.before,
    };
    if (secret) reversed.secret = secret === 'added' || secret === 'removed' ? OPPOSITE[secret] : secret;
    if (afterTexts) reversed.beforeTexts = afterTexts;
    if (beforeTexts) reversed.afterTexts = beforeTexts;
    return reversed;
  });
}
