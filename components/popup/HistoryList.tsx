import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { BackupRecord } from '../../lib/journal/backup-record';
import { useStoredValue } from '../../lib/options/use-stored-value';
import { adminRefusal } from '../../lib/popup/describe-author';
import { readWorkspaceFacts, workspaceFactsItem } from '../../lib/storage';
import { ErrorBoundary } from './ErrorBoundary';
import { HistoryEntry, type EntryHandlers } from './HistoryEntry';

/** (px) a typical entry's height before it is measured. */
const ESTIMATED_ENTRY_HEIGHT = 84;
/** Entries rendered beyond the visible ones, so fast scrolling shows no blanks. */
const OVERSCAN = 6;

interface Props extends EntryHandlers {
  records: BackupRecord[];
  /** Changes when the workspace or filter changes, so the list starts again from the top. */
  scrollKey: string;
  total: number;
  now: number;
  offline: boolean;
  selected: Set<string>;
  confirmingDelete: string | null;
}

/** The history, virtualized: only the visible entries are in the page, so 10,000 backups scroll smoothly. */
export function HistoryList({
  records,
  scrollKey,
  total,
  now,
  offline,
  selected,
  confirmingDelete,
  ...handlers
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // What Convex said of each workspace's key: a capture key sees pin and delete read-only, with the reason.
  const facts = useStoredValue(workspaceFactsItem, readWorkspaceFacts);
  // A stable key function keeps the virtualizer from recomputing 10,000 positions on every render.
  const itemKey = useCallback((index: number) => records[index]?.id ?? index, [records]);
  // The virtualizer hands out functions React Compiler cannot memoize; this component does not rely on that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ENTRY_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: itemKey,
  });

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [scrollKey]);

  return (
    <div ref={scroller} className="history-scroll">
      <div
        role="list"
        aria-label={`Backups (${records.length} of ${total})`}
        className="history-inner"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const record = records[item.index];
          if (!record) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={records.length}
              aria-posinset={item.index + 1}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="history-item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ErrorBoundary fallback={<p className="history-entry">This backup cannot be shown</p>}>
                <HistoryEntry
                  record={record}
                  now={now}
                  offline={offline}
                  selected={selected.has(record.id)}
                  confirmingDelete={confirmingDelete === record.id}
                  adminRefusal={adminRefusal(facts?.[record.workspace])}
                  {...handlers}
                />
              </ErrorBoundary>
            </div>
          );
        })}
      </div>
    </div>
  );
}
