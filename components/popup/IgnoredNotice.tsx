import { useRef } from 'react';
import type { IgnoredRequest } from '../../lib/popup/use-entry-actions';
import { useFocusWhenGone } from '../../lib/popup/use-focus-when-gone';

interface Props {
  ignored: IgnoredRequest;
  onCaptureAgain: () => void;
}

/** After "Not a save": which request Savepoint no longer captures, and a way to take that back. */
export function IgnoredNotice({ ignored, onCaptureAgain }: Props) {
  const notice = useRef<HTMLParagraphElement>(null);
  // "Capture it again" is gone once it has worked: the line that says so takes the focus, not the page's body.
  const pressed = useFocusWhenGone(!ignored.again && !ignored.managed, notice);
  return (
    <p className="notice notice-muted ignored-notice" role="status" tabIndex={-1} ref={notice}>
      {ignored.again ? (
        <>
          Capturing <code>{ignored.rule}</code> again.
        </>
      ) : (
        <>
          No longer capturing <code>{ignored.rule}</code>
          {ignored.managed ? (
            ' (your administrator manages this dashboard: only they can take it back in its policy).'
          ) : (
            <>
              {' '}
              (Options lists it).{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  pressed();
                  onCaptureAgain();
                }}
              >
                Capture it again
              </button>
            </>
          )}
        </>
      )}
    </p>
  );
}
