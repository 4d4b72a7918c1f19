import { useRef } from 'react';
import { useFocusAfterRemoval } from '@/lib/options/use-focus-after-removal';

interface IgnoreRuleListProps {
  rules: string[];
  /** Absent when the dashboard cannot be edited (managed or locked). */
  onRemove: ((rule: string) => Promise<void>) | undefined;
  onError: (message: string | null) => void;
  /** Where the focus goes once the last rule is removed from the keyboard (the dashboard's Edit). */
  focusWhenEmpty: () => HTMLElement | null;
}

/** A fact of a dashboard: the requests marked "Not a settings save" in the popup, each removable. */
export function IgnoreRuleList({ rules, onRemove, onError, focusWhenEmpty }: IgnoreRuleListProps) {
  const list = useRef<HTMLUListElement>(null);
  const onListFocus = useFocusAfterRemoval(
    rules,
    list,
    (item) => item.querySelector('button'),
    focusWhenEmpty,
  );
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
      <ul aria-label="Not settings saves" ref={list} onFocus={onListFocus}>
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
