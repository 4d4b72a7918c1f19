import { useState } from 'react';
import type { BackupRecord } from '../journal/backup-record';
import { sendMessage } from '../messaging/send-message';
import { removeIgnoreRule } from '../watch/watched-edits';

/** What an entry asks before doing: delete the backup, or remove it as not a settings save. */
export type EntryConfirm = 'delete' | 'not-a-save';

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
 * stopped capturing, so the popup can say so and take it back.
 */
export function useEntryActions() {
  const [confirming, setConfirming] = useState<{ id: string; kind: EntryConfirm } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ignored, setIgnored] = useState<IgnoredRequest | null>(null);

  async function run(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  return {
    confirming,
    error,
    ignored,
    togglePin: (record: BackupRecord) =>
      run(() => sendMessage('backup:pin', { id: record.id, pinned: !record.pinned })),
    ask: (id: string, kind: EntryConfirm) => {
      setError(null);
      setConfirming({ id, kind });
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
        if (!ignored) return;
        await removeIgnoreRule(ignored.dashboardId, ignored.rule);
        setIgnored({ ...ignored, again: true });
      }),
  };
}
