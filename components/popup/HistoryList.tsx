import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { BackupRecord } from '../../lib/journal/backup-record';
import { adminRefusal } from '../../lib/popup/describe-author';
import { describeOutbox, type SyncHeader } from '../../lib/popup/describe-outbox';
import { focusLost } from '../../lib/focus-lost';
import type { EntryConfirm } from '../../lib/popup/use-entry-actions';
import type { WorkspaceFacts } from '../../lib/storage';
import { ErrorBoundary } from './ErrorBoundary';
import { entryNameIds, HistoryEntry, syncHintId, type EntryHandlers } from './HistoryEntry';

/** (px) a typical entry's height before it is measured. */
const ESTIMATED_ENTRY_HEIGHT = 84;
/**
 * (px) the list's height before it is measured: the popup's list area (600 px window less the header), so the
 * first render already has the entries a user sees rather than none until the list's size is read.
 */
const INITIAL_LIST_HEIGHT = 480;
/** Entries rendered beyond the visible ones, so fast scrolling shows no blanks. */
const OVERSCAN = 6;
/** Entries beyond the visible ones in the list's first render with entries: the popup opens sooner without them. */
const FIRST_OVERSCAN = 0;
/** (frames) to wait for an entry scrolled to before giving up on focusing it. */
const FOCUS_TRIES = 10;
/** (entries) Page Up / Page Down move the focus by. */
const PAGE_STEP = 5;

/**
 * An entry's height as laid out, fractions kept (79.78 px, not the virtualizer's rounded 80): the entries then sit
 * exactly where the first screen, which stacks them in normal flow, put them.
 */
function entryHeight(element: Element, entry: ResizeObserverEntry | undefined): number {
  return entry?.borderBoxSize[0]?.blockSize ?? element.getBoundingClientRect().height;
}

/** The entry a key moves the focus to from `index`, or null for keys the list leaves alone. */
function nextIndex(key: string, index: number, count: number): number | null {
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + PAGE_STEP,
    PageUp: index - PAGE_STEP,
    Home: 0,
    End: count - 1,
  };
  const target = moves[key];
  return target === undefined ? null : Math.min(count - 1, Math.max(0, target));
}

interface Props extends EntryHandlers {
  records: BackupRecord[];
  /** Changes when the workspace or filter changes, so the list starts again from the top. */
  scrollKey: string;
  /** How many backups the workspace has; null while they are being counted. */
  total: number | null;
  now: number;
  sync: SyncHeader;
  selected: Set<string>;
  /** The one open confirm, in the entry of that backup: it stays open while the entry is out of view. */
  confirming: { id: string; kind: EntryConfirm } | null;
  /** What Convex said of each workspace's key: a capture key sees pin and delete read-only, with the reason. */
  facts: Record<string, WorkspaceFacts>;
}

/** The history, virtualized: only the visible entries are in the page, so 10,000 backups scroll smoothly. */
export function HistoryList({
  records,
  scrollKey,
  total,
  now,
  sync,
  selected,
  confirming,
  facts,
  ...handlers
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // A stable key function keeps the virtualizer from recomputing 10,000 positions on every render.
  const itemKey = useCallback((index: number) => records[index]?.id ?? index, [records]);
  // The entries beyond the visible ones wait until the first ones have been painted.
  const [painted, setPainted] = useState(false);
  const hasEntries = records.length > 0;
  useEffect(() => {
    if (painted || !hasEntries) return;
    const frame = requestAnimationFrame(() => setPainted(true));
    return () => cancelAnimationFrame(frame);
  }, [painted, hasEntries]);
  // The virtualizer hands out functions React Compiler cannot memoize; this component does not rely on that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ENTRY_HEIGHT,
    overscan: painted ? OVERSCAN : FIRST_OVERSCAN,
    initialRect: { width: 0, height: INITIAL_LIST_HEIGHT },
    getItemKey: itemKey,
    measureElement: entryHeight,
  });

  // One entry is in the Tab order (roving focus); the arrow keys, Page Up/Down, Home and End move between entries.
  const [active, setActive] = useState({ key: scrollKey, index: 0, focus: false });
  const activeIndex = active.key === scrollKey ? Math.min(active.index, records.length - 1) : 0;

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [scrollKey]);

  // The backup the focus was last in (the entry or one of its buttons). When it leaves the list (deleted, not a
  // save) and takes the focus with it, the entry now in its place gets the focus rather than the page's body.
  const focused = useRef<{ id: string; index: number } | null>(null);
  useEffect(() => {
    const last = focused.current;
    if (!last || records.some((record) => record.id === last.id)) return;
    focused.current = null;
    if (!focusLost() || records.length === 0) return;
    const index = Math.min(last.index, records.length - 1);
    virtualizer.scrollToIndex(index);
    setActive({ key: scrollKey, index, focus: true });
    // Only a change of the records can take the focused one away.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [records]);

  useEffect(() => {
    if (!active.focus) return;
    // An entry scrolled to from far away is rendered a frame or two later, once the list has scrolled.
    let frame = 0;
    let tries = FOCUS_TRIES;
    const focus = () => {
      const entry = scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
      if (entry) entry.focus();
      else if ((tries -= 1) > 0) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, [active, activeIndex]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[role="listitem"]');
    // Keys typed in an entry's controls (Space on a checkbox, Enter on a button) are theirs.
    if (!item || item !== event.target) return;
    const index = Number(item.dataset.index);
    if (event.key === 'Enter') {
      const record = records[index];
      if (record) handlers.onDiff(record);
      event.preventDefault();
      return;
    }
    const next = nextIndex(event.key, index, records.length);
    if (next === null) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    setActive({ key: scrollKey, index: next, focus: true });
  }

  return (
    <div ref={scroller} className="history-scroll">
      <div
        role="list"
        aria-label={
          total === null ? `Backups (${records.length} newest)` : `Backups (${records.length} of ${total})`
        }
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const item = (event.target as HTMLElement).closest<HTMLElement>('[role="listitem"]');
          const index = Number(item?.dataset.index);
          const record = records[index];
          if (record) focused.current = { id: record.id, index };
        }}
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
              tabIndex={item.index === activeIndex ? 0 : -1}
              aria-labelledby={entryNameIds(record)}
              aria-describedby={describeOutbox(record, sync) ? syncHintId(record.id) : undefined}
              onFocus={(event) => {
                if (event.target === event.currentTarget && item.index !== activeIndex)
                  setActive({ key: scrollKey, index: item.index, focus: false });
              }}
              ref={virtualizer.measureElement}
              className="history-item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ErrorBoundary fallback={<p className="history-entry">This backup cannot be shown</p>}>
                <HistoryEntry
                  record={record}
                  now={now}
                  sync={sync}
                  selected={selected.has(record.id)}
                  confirming={confirming?.id === record.id ? confirming.kind : null}
                  adminRefusal={adminRefusal(facts[record.workspace])}
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
