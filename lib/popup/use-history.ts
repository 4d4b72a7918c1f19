import { useEffect, useMemo, useRef, useState } from 'react';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { filterEntries, sectionsOf, type HistoryFilter } from './filter-entries';
import { FIRST_SCREEN, takeFirstScreen } from './first-reads';

/** Backups read per page after the first screen: small enough that no read holds the popup up. */
const PAGE = 500;

interface Loaded {
  workspace: string;
  records: BackupRecord[];
  /** How many backups the workspace has; null until counted. */
  total: number | null;
}

/**
 * Reads a workspace's history a page at a time, newest first, calling `show` as it grows; a re-read (the journal
 * changed) shows nothing until it has as many backups as were shown, so the list does not shrink and grow back.
 * The count starts once the first screen is read: IndexedDB answers one request at a time, and counting 10,000
 * backups held the first screen up by 30 ms.
 */
async function readPages(
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
  for (;;) {
    if (!live()) return;
    if (last) await counted;
    if (last || records.length >= shown) show(records, total);
    if (last) return;
    const next = await journal.newest(workspace, PAGE, records.at(-1));
    records = records.concat(next);
    last = next.length < PAGE;
  }
}

/** One workspace's backups from the local journal (no network), read in pages, reread when it changes, filtered. */
export function useHistory(journal: Journal | null, workspace: string | null, version: number) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [filter, setFilter] = useState<HistoryFilter>({ section: '', search: '' });
  const [error, setError] = useState<string | null>(null);
  const shown = useRef<{ workspace: string | null; count: number }>({ workspace: null, count: 0 });

  useEffect(() => {
    if (!journal || !workspace) return;
    let live = true;
    const count = shown.current.workspace === workspace ? shown.current.count : 0;
    readPages(
      journal,
      workspace,
      count,
      () => live,
      (records, total) => {
        shown.current = { workspace, count: records.length };
        setLoaded({ workspace, records, total });
        setError(null);
      },
    ).catch((failure: unknown) => live && setError(`Could not read the backups: ${String(failure)}`));
    return () => {
      live = false;
    };
  }, [journal, workspace, version]);

  const current = loaded && loaded.workspace === workspace ? loaded : null;
  const records = useMemo(() => current?.records ?? [], [current]);
  const sections = useMemo(() => sectionsOf(records), [records]);
  // A section filter left over from another workspace would hide everything.
  const section = sections.some((known) => known.type === filter.section) ? filter.section : '';
  const search = filter.search;
  const visible = useMemo(() => filterEntries(records, { section, search }), [records, section, search]);

  return {
    loading: !!workspace && !current && !error,
    records,
    /** How many backups the workspace has, read or not yet; null while they are being counted. */
    total: current ? current.total : 0,
    visible,
    sections,
    filter: { section, search },
    setFilter,
    error,
  };
}
