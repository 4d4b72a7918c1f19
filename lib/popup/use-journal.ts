import { useEffect, useState } from 'react';
import type { Journal } from '../journal/create-journal';
import { journalVersionItem } from '../storage';
import { popupJournal } from './popup-journal';

/** The journal once it is open, and a version that changes whenever the background changes the journal. */
export function useJournal(): { journal: Journal | null; version: number; error: string | null } {
  const [state, setState] = useState<{ journal: Journal | null; error: string | null }>({
    journal: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    popupJournal().then(
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
