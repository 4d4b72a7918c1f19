import type { EntryHandlers } from '../../../components/popup/HistoryEntry';

const noop = () => undefined;

/** A history entry's handlers, each doing nothing: for tests that look at what an entry draws. */
export const NO_ENTRY_HANDLERS: EntryHandlers = {
  onRestore: noop,
  onDiff: noop,
  onTogglePin: noop,
  onAsk: noop,
  onConfirm: noop,
  onCancel: noop,
  onToggleSelect: noop,
};
