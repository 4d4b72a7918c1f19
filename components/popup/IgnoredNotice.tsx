import type { IgnoredRequest } from '../../lib/popup/use-entry-actions';

/** After "Not a save": which request Savepoint no longer captures, and a way to take that back. */
export function IgnoredNotice({
  ignored,
  onCaptureAgain,
}: {
  ignored: IgnoredRequest;
  onCaptureAgain: () => void;
}) {
  return (
    <p className="notice notice-muted ignored-notice" role="status">
      {ignored.again ? (
        <>
          Capturing <code>{ignored.rule}</code> again.
        </>
      ) : (
        <>
          No longer capturing <code>{ignored.rule}</code> (Options lists it).{' '}
          <button type="button" className="link" onClick={onCaptureAgain}>
            Capture it again
          </button>
        </>
      )}
    </p>
  );
}
