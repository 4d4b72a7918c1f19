import { useLayoutEffect, useRef } from 'react';
import { focusLost } from '../../lib/focus-lost';

interface Props {
  state: 'loading' | 'empty' | 'filtered' | 'held';
  /**
   * The history listed entries just before (the last one was deleted or marked not a save from the keyboard): if
   * the focus went with that entry, this message takes it, rather than the page's body, from where the next Tab
   * would start again at the top.
   */
  afterEntries?: boolean;
}

/** What the history area says when there is nothing to list, and what to do about it. */
export function HistoryEmpty({ state, afterEntries = false }: Props) {
  const message = useRef<HTMLParagraphElement>(null);
  // A layout effect: the focus moves in the commit that removed the last entry, before anything else can take it.
  useLayoutEffect(() => {
    if (afterEntries && focusLost()) message.current?.focus();
  }, [afterEntries]);
  if (state === 'loading') {
    return (
      <p className="history-empty hint" aria-busy="true">
        Loading backups…
      </p>
    );
  }
  return (
    // A status: a search or filter that leaves nothing to list is read out, as the list it replaced is not.
    <p className="history-empty" ref={message} tabIndex={-1} role="status">
      {state === 'filtered'
        ? 'No backups match these filters.'
        : state === 'held'
          ? 'Nothing in the history on this device yet: the backups held aside appear here once there is room.'
          : 'No backups yet. Save settings on a watched dashboard, or use Capture now.'}
    </p>
  );
}
