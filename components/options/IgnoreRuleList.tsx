interface IgnoreRuleListProps {
  rules: string[];
  /** Absent when the dashboard cannot be edited (managed or locked). */
  onRemove: ((rule: string) => Promise<void>) | undefined;
  onError: (message: string | null) => void;
}

/** A fact of a dashboard: the requests marked "Not a settings save" in the popup, each removable. */
export function IgnoreRuleList({ rules, onRemove, onError }: IgnoreRuleListProps) {
  if (rules.length === 0) return null;
  async function remove(rule: string) {
    try {
      await onRemove?.(rule);
      onError(null);
    } catch (caught) {
      onError(caught instanceof Error ? caught.message : String(caught));
    }
  }
  return (
    <li>
      Not settings saves, never captured:
      <ul aria-label="Not settings saves">
        {rules.map((rule) => (
          <li key={rule} className="ignore-rule">
            <code>{rule}</code>{' '}
            {onRemove ? (
              <button type="button" aria-label={`Stop ignoring ${rule}`} onClick={() => void remove(rule)}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </li>
  );
}
