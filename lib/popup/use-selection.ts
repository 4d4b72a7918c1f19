import { useCallback, useState } from 'react';

/** Backups ticked for export, kept per workspace so switching workspaces starts a fresh selection. */
export function useSelection(workspace: string | null) {
  const [state, setState] = useState<{ workspace: string | null; ids: Set<string> }>({
    workspace,
    ids: new Set(),
  });
  const ids = state.workspace === workspace ? state.ids : new Set<string>();

  const toggle = useCallback(
    (id: string) =>
      setState((previous) => {
        const next = new Set(previous.workspace === workspace ? previous.ids : []);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return { workspace, ids: next };
      }),
    [workspace],
  );
  const clear = useCallback(() => setState({ workspace, ids: new Set() }), [workspace]);
  return { ids, toggle, clear };
}
