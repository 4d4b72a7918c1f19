import { useEffect, useMemo, useState } from 'react';
import type { Journal } from '../journal/create-journal';
import { firstRead } from './first-reads';
import { listWorkspaces } from './list-workspaces';

/**
 * The workspaces the popup can show (the target tab's first, then those with backups or a sync status) and the
 * selected one. Nothing is selected until the target tab is known, so the selection does not jump.
 */
export function useWorkspaces(
  journal: Journal | null,
  version: number,
  statusWorkspaces: string[],
  current: string | null,
  ready: boolean,
) {
  const [stored, setStored] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    if (!journal) return;
    let live = true;
    firstRead('workspaces', () => journal.workspaces()).then(
      (found) => live && setStored(found),
      () => live && setStored([]),
    );
    return () => {
      live = false;
    };
  }, [journal, version]);

  const statusKey = statusWorkspaces.join('\n');
  const workspaces = useMemo(
    () => listWorkspaces(stored ?? [], statusKey.split('\n'), current),
    [stored, statusKey, current],
  );

  const known = ready && stored !== null;
  const selected = !known ? null : chosen && workspaces.includes(chosen) ? chosen : (workspaces[0] ?? null);
  return { workspaces, selected, select: setChosen, loading: !known };
}
