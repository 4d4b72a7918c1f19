import type { ReactNode } from 'react';

interface Props {
  busy: boolean;
  /** What the button says while its work runs ("Retrying…"). */
  busyText: string;
  onPress: () => void;
  /** Told when the button takes the focus (see useFocusWhenGone). */
  onFocus?: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * A button that keeps the focus while its work runs: `aria-disabled` rather than `disabled` (a disabled button drops
 * the focus to the page's body), and a press while busy does nothing.
 */
export function BusyButton({
  busy,
  busyText,
  onPress,
  onFocus,
  className = 'button small',
  children,
}: Props) {
  return (
    <button
      type="button"
      className={className}
      aria-disabled={busy}
      onFocus={onFocus}
      onClick={() => {
        if (!busy) onPress();
      }}
    >
      {busy ? busyText : children}
    </button>
  );
}
