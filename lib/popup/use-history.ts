import { useEffect, useMemo, useState } from 'react';
import type { BackupRecord } from '../journal/backup-record';
import type { Journal } from '../journal/create-journal';
import { filterEntries, sectionsOf, type HistoryFilter } from './filter-entries';

/** Backups read before the rest of the history, enough to fill the popup. */
const FIRST_SCREEN = 30;

/** One workspace's backups from the local journal (no network), reloaded when the journal changes, and filtered. */
export function useHistory(journal: Journal | null, workspace: string | null, version: number) {
  const [loaded, setLoaded] = useState<{
    workspace: string;
    records: BackupRecord[];
    complete: boolean;
  } | null>(null);
  const [filter, setFilter] = useState<HistoryFilter>({ section: '', search: '' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!journal || !workspace) return;
    let live = true;
    const fail = (failure: unknown) => live && setError(`Could not read the backups: ${String(failure)}`);
    // First screen first: the newest few render at once, then the whole history (which can be 10,000+) follows.
    journal.newest(workspace, FIRST_SCREEN).then((first) => {
      if (!live) return;
      setLoaded((current) =>
        current?.workspace === workspace && current.complete
          ? current
          : { workspace, records: first, complete: false },
      );
      journal.list(workspace).then((records) => {
        if (!live) return;
        setLoaded({ workspace, records, complete: true });
        setError(null);
      }, fail);
    }, fail);
    return () => {
      live = false;
    };
  }, [journal, workspace, version]);

  const records = useMemo(
    () => (loaded && loaded.workspace === workspace ? loaded.records : []),
    [loaded, workspace],
  );
  const sections = useMemo(() => sectionsOf(records), [records]);
  // A section filter left over from another workspace would hide everything.
  const section = sections.some((known) => known.type === filter.section) ? filter.section : '';
  const search = filter.search;
  const visible = useMemo(() => filterEntries(records, { section, search }), [records, section, search]);

  return {
    loading: !!workspace && (!loaded || loaded.workspace !== workspace) && !error,
    records,
    visible,
    sections,
    filter: { section, search },
    setFilter,
    error,
  };
}
