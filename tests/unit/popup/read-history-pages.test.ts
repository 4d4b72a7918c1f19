import { describe, expect, it } from 'vitest';
import type { BackupRecord } from '../../../lib/journal/backup-record';
import type { Journal } from '../../../lib/journal/create-journal';
import { FIRST_SCREEN } from '../../../lib/popup/first-reads';
import { readHistoryPages } from '../../../lib/popup/read-history-pages';

/** A journal of `count` backups of one workspace, newest first, answering only what the history reads. */
function journalOf(count: number) {
  const records = Array.from({ length: count }, (_, i) => ({ id: `b${count - i}`, capturedAt: count - i }));
  const journal = {
    async newest(_workspace: string, limit: number, after?: { id: string }) {
      const start = after ? records.findIndex((record) => record.id === after.id) + 1 : 0;
      return records.slice(start, start + limit);
    },
    countOf: async () => count,
  };
  return journal as unknown as Journal;
}

async function shows(count: number, shown = 0) {
  const calls: { length: number; total: number | null }[] = [];
  await readHistoryPages(
    journalOf(count),
    'acme',
    shown,
    () => true,
    (records: BackupRecord[], total) => calls.push({ length: records.length, total }),
  );
  return calls;
}

describe('readHistoryPages', () => {
  it('shows the first screen at once, then a few growing lists, then every backup with the count', async () => {
    const calls = await shows(10_000);
    expect(calls[0]).toEqual({ length: FIRST_SCREEN, total: null });
    expect(calls.at(-1)).toEqual({ length: 10_000, total: 10_000 });
    // Each one re-renders the whole list: one per page of 500 kept the popup busy for ~600 ms.
    expect(calls.length).toBeLessThanOrEqual(7);
    calls
      .slice(1, -1)
      .forEach((call, i) => expect(call.length).toBeGreaterThanOrEqual(2 * (calls[i]?.length ?? 0)));
  });

  it('shows a short history once, whole and counted', async () => {
    expect(await shows(12)).toEqual([{ length: 12, total: 12 }]);
  });

  it('does not shrink a list already shown while it reads it again', async () => {
    const calls = await shows(2_000, 1_200);
    expect(calls.every((call) => call.length >= 1_200)).toBe(true);
    expect(calls.at(-1)).toEqual({ length: 2_000, total: 2_000 });
  });
});
