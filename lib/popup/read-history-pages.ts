import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { FIRST_SCREEN, takeFirstScreen } from './first-reads';

/** Backups read per page after the first screen: small enough that no read holds the popup up. */
const PAGE = 500;

/**
 * Reads a workspace's history a page at a time, newest first, calling `show` with the first screen, then each time
 * what was read has doubled, then with all of it: every `show` renders the whole list again, and showing each page
 * of 10,000 backups kept the popup's thread busy for ~600 ms after the first screen. A re-read (the journal
 * changed) shows nothing until it has as many backups as were shown, so the list does not shrink and grow back.
 * The count starts once the first screen is read: IndexedDB answers one request at a time, and counting 10,000
 * backups held the first screen up by 30 ms.
 */
export async function readHistoryPages(
  journal: Journal,
  workspace: string,
  shown: number,
  live: () => boolean,
  show: (records: BackupRecord[], total: number | null) => void,
): Promise<void> {
  let records = (await takeFirstScreen(workspace)) ?? (await journal.newest(workspace, FIRST_SCREEN));
  let last = records.length < FIRST_SCREEN;
  let total: number | null = last ? records.length : null;
  const counted = last ? null : journal.countOf(workspace).then((count) => (total = count));
  let lastShown = 0;
  for (;;) {
    if (!live()) return;
    if (last) await counted;
    if (last || (records.length >= shown && records.length >= 2 * lastShown)) {
      show(records, total);
      lastShown = records.length;
    }
    if (last) return;
    const next = await journal.newest(workspace, PAGE, records.at(-1));
    records = records.concat(next);
    last = next.length < PAGE;
  }
}
