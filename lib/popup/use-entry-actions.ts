import { useState } from 'react';
import type { BackupRecord } from '../journal/backup-record';
import { sendMessage } from '../messaging/send-message';
import { removeIgnoreRule } from '../watch/watched-edits';

/** What an entry asks before doing: delete the backup, or remove it as not a settings save. */
export type EntryConfirm = 'delete' | 'not-a-save';

/** What an action left for the history of one workspace. */
type InWorkspace<T> = { workspace: string | null; value: T } | null;

/** A request "Not a save" stopped capturing, until the user takes it back (`again`). */
export interface IgnoredRequest {
  rule: string;
  dashboardId: string;
  /** Only the administrator can take it back. */
  managed: boolean;
  again: boolean;
}

/**
 * Pin, unpin, delete and "not a save" (both after a confirmation) through the background, which owns journal
 * writes. One confirm is open at a time, held here rather than in its entry, so that it stays open while the
 * virtualized list drops the entry (scrolled out of view) and renders it again. After "not a save", the request it
 * stopped capturing, so the popup can say so and take it back. Each of them belongs to the `workspace` shown when
 * it was made: another workspace's history does not show it, and coming back does.
 */
export function useEntryActions(workspace: string | null) {
  const [confirming, setConfirming] = useState<InWorkspace<{ id: string; kind: EntryConfirm }>>(null);
  const [error, setErrorIn] = useState<InWorkspace<string>>(null);
  const [ignored, setIgnoredIn] = useState<InWorkspace<IgnoredRequest>>(null);
  const shown = <T>(held: InWorkspace<T>): T | null => (held?.workspace === workspace ? held.value : null);
  const setError = (value: string | null) => setErrorIn(value === null ? null : { workspace, value });
  const setIgnored = (value: IgnoredRequest) => setIgnoredIn({ workspace, value });
  const currentlyIgnored = shown(ignored);

  async function run(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  return {
    confirming: shown(confirming),
    error: shown(error),
    ignored: currentlyIgnored,
    togglePin: (record: BackupRecord) =>
      run(() => sendMessage('backup:pin', { id: record.id, pinned: !record.pinned })),
    ask: (id: string, kind: EntryConfirm) => {
      setError(null);
      setConfirming({ workspace, value: { id, kind } });
    },
    cancel: () => setConfirming(null),
    /** Deletes the backup, or removes it and ignores its request from now on; the history follows the journal. */
    confirm: (id: string, kind: EntryConfirm) =>
      run(async () => {
        if (kind === 'delete') await sendMessage('backup:delete', { id });
        else {
          const { rule, dashboardId, managed } = await sendMessage('backup:not-a-save', { id });
          setIgnored({ rule, dashboardId, managed, again: false });
        }
        setConfirming(null);
      }),
    /** Stops ignoring the request "not a save" ignored: its saves are captured again. */
    captureAgain: () =>
      run(async () => {
        if (!currentlyIgnored) return;
        await removeIgnoreRule(currentlyIgnored.dashboardId, currentlyIgnored.rule);
        setIgnored({ ...currentlyIgnored, again: true });
      }),
  };
}
