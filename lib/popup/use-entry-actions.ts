import { useState } from 'react';
import type { BackupRecord } from '../journal/backup-record';
import { sendMessage } from '../messaging/send-message';

/** Pin, unpin and delete (after a confirmation) through the background, which owns journal writes. */
export function useEntryActions() {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

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
    togglePin: (record: BackupRecord) =>
      run(() => sendMessage('backup:pin', { id: record.id, pinned: !record.pinned })),
    askDelete: (id: string) => setConfirming(id),
    cancelDelete: () => setConfirming(null),
    confirmDelete: (id: string) =>
      run(async () => {
        await sendMessage('backup:delete', { id });
        setConfirming(null);
      }),
  };
}
