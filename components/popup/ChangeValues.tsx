import type { FieldChange } from '../../lib/diff/diff-snapshots';
import { formatValue, secretText } from '../../lib/popup/format-value';

/** A field's "before → after", or "left out (changed)" for a secret whose value is never stored. */
export function ChangeValues({ change }: { change: FieldChange }) {
  const secret = secretText(change);
  if (secret) return <span className="value secret">{secret}</span>;
  // Nothing to compare with (first backup, or a page without the section): the value alone says it all.
  if (change.kind === 'unchanged' || (change.before === undefined && change.kind !== 'removed'))
    return <span className="value">{formatValue(change.after, change.afterTexts)}</span>;
  return (
    <span className="values">
      <span className="value before">
        {formatValue(change.before, { ...change.afterTexts, ...change.beforeTexts })}
      </span>
      <span className="arrow" aria-label="becomes">
        {' → '}
      </span>
      <span className="value after">
        {formatValue(change.after, { ...change.beforeTexts, ...change.afterTexts })}
      </span>
    </span>
  );
}
