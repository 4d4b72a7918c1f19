import { useEffect } from 'react';
import { sendMessage } from '../messaging/send-message';

/**
 * Asks the background to fetch other devices' backups of the shown workspace. The popup itself renders from the
 * local journal at once and makes no network call; new backups arrive through the journal's change signal.
 */
export function usePullOnOpen(workspace: string | null): void {
  useEffect(() => {
    if (!workspace) return;
    sendMessage('sync:pull', { workspace }).catch(() => undefined);
  }, [workspace]);
}
