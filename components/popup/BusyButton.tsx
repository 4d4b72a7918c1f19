import type { ReactNode } from 'react';

interface Props {
  busy: boolean;
  /** What the button says while its work runs ("Retrying…"); by default what it always says. */
  busyText?: string;
  /** Its work; a submit button leaves it to its form's submit. */
  onPress?: () => void;
  /** A submit button: a press while busy does not send its form. */
  type?: 'button' | 'submit';
  /**
   * Not available for a reason of its own, known before it is pressed (nothing to restore, no page to capture):
   * disabled outright, out of the Tab order. Never what its own press brings about, which would drop the focus.
   */
  unavailable?: boolean;
  /** Told when the button takes the focus (see useFocusWhenGone). */
  onFocus?: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * A button that keeps the focus while its work runs: `aria-disabled` rather than `disabled` (a disabled button drops
 * the focus to the page's body, from where the next Tab starts again at the top), and a press while busy does
 * nothing.
 */
export function BusyButton({
  busy,
  busyText,
  onPress,
  type = 'button',
  unavailable = false,
  onFocus,
  className = 'button small',
  children,
}: Props) {
  return (
    <button
      type={type}
      className={className}
      disabled={unavailable}
      aria-disabled={busy}
      onFocus={onFocus}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onPress?.();
      }}
    >
      {busy && busyText ? busyText : children}
    </button>
  );
}
