import { useEffect, useMemo, useRef, useState } from 'react';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { filterEntries, sectionsOf, type HistoryFilter } from './filter-entries';
import { readHistoryPages } from './read-history-pages';

interface Loaded {
  workspace: string;
  records: BackupRecord[];
  /** How many backups the workspace has; null until counted. */
  total: number | null;
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
    readHistoryPages(
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
