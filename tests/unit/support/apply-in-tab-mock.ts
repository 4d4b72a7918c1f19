/** What a restore did: the page's apply calls (snapshot, fields, putBack) and its "Before restore" entries. */
export interface RestoreCalls {
  applied: unknown[][];
  before: unknown[];
  /** What the page's apply reports, when not the default (nothing applied, no way to save found). */
  appliedReport?: unknown;
  /** The capture the restore's save made, when the dashboard accepted it (else no word comes). */
  saved?: unknown;
}

/**
 * apply-in-tab.ts for vi.mock: the page reports `calls.appliedReport`, by default a save it could not make; reads and sends reach no page. It
 * imports nothing of the worker's, which would wait on the very mock it is building.
 */
export function applyInTabMock(calls: RestoreCalls) {
  return {
    applyInTab: async (...args: unknown[]) => {
      calls.applied.push(args);
      return (
        calls.appliedReport ?? {
          type: 'config',
          title: 'Configuration Manager',
          savedVia: 'none',
          fields: [],
        }
      );
    },
    readInTab: async () => ({ ok: false, status: 0 }),
    sendInTab: async () => ({ ok: false, status: 0 }),
  };
}
