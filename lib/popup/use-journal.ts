import { useEffect, useState } from 'react';
import { createJournal, type Journal } from '../journal/create-journal';
import { openJournal } from '../journal/open-journal';
import { journalVersionItem } from '../storage';

let opened: Promise<Journal> | null = null;

/**
 * The local journal, opened once per popup (same extension origin as the background, read-only use here). The
 * popup's entry calls it before rendering, so the database opens while React starts.
 */
export function journal(): Promise<Journal> {
  opened ??= openJournal().then(createJournal);
  return opened;
}

/** The journal once it is open, and a version that changes whenever the background changes the journal. */
export function useJournal(): { journal: Journal | null; version: number; error: string | null } {
  const [state, setState] = useState<{ journal: Journal | null; error: string | null }>({
    journal: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    journal().then(
      (opened) => live && setState({ journal: opened, error: null }),
      (error: unknown) =>
        live && setState({ journal: null, error: `Could not open the backups: ${String(error)}` }),
    );
    const unwatch = journalVersionItem.watch((next) => setVersion(next ?? 0));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return { ...state, version };
}
