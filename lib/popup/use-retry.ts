import { useRef, useState } from 'react';
import { sendMessage } from '../messaging/send-message';

/**
 * "Retry" of a workspace's sync: the background makes every waiting backup due now. `landing` is the sync status,
 * where the focus goes once a Retry button has gone with what it retried.
 */
export function useRetry(workspace: string | null) {
  const [busy, setBusy] = useState(false);
  /** When the last Retry finished: what it tried is said even when nothing changed (storage still full). */
  const [triedAt, setTriedAt] = useState<number | null>(null);
  const landing = useRef<HTMLDivElement>(null);
  async function retry() {
    setBusy(true);
    try {
      await sendMessage('status:retry', workspace ? { workspace } : {});
    } catch (error) {
      console.warn('Savepoint: retry failed', error);
    } finally {
      setBusy(false);
      setTriedAt(Date.now());
    }
  }
  return { busy, retry, landing, triedAt };
}
