/** What the history area says when there is nothing to list, and what to do about it. */
export function HistoryEmpty({ state }: { state: 'loading' | 'empty' | 'filtered' }) {
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
        : 'No backups yet. Save settings on a watched dashboard, or use Capture now.'}
    </p>
  );
}
