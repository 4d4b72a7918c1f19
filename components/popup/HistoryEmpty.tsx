/** What the history area says when there is nothing to list, and what to do about it. */
export function HistoryEmpty({ state }: { state: 'loading' | 'empty' | 'filtered' | 'held' }) {
  if (state === 'loading') {
    return (
      <p className="history-empty hint" aria-busy="true">
        Loading backups…
      </p>
    );
  }
  return (
    <p className="history-empty">
      {state === 'filtered'
        ? 'No backups match these filters.'
        : state === 'held'
          ? 'Nothing in the history on this device yet: the backups held aside appear here once there is room.'
          : 'No backups yet. Save settings on a watched dashboard, or use Capture now.'}
    </p>
  );
}
