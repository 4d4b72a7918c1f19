import type { FieldChange } from '../../lib/diff/diff-snapshots';
import { formatValue, secretText } from '../../lib/popup/format-value';
import { ValueText } from './ValueText';

/** A field's "before → after", or "left out (changed)" for a secret whose value is never stored. */
export function ChangeValues({ change }: { change: FieldChange }) {
  const secret = secretText(change);
  if (secret) return <span className="value secret">{secret}</span>;
  // Nothing to compare with (first backup, or a page without the section): the value alone says it all.
  if (change.kind === 'unchanged' || (change.before === undefined && change.kind !== 'removed'))
    return <ValueText className="value" text={formatValue(change.after, change.afterTexts)} />;
  return (
    <span className="values">
      <ValueText
        className="value before"
        text={formatValue(change.before, { ...change.afterTexts, ...change.beforeTexts })}
      />
      <span className="arrow" aria-label="becomes">
        {' → '}
      </span>
      <ValueText
        className="value after"
        text={formatValue(change.after, { ...change.beforeTexts, ...change.afterTexts })}
      />
    </span>
  );
}
