import { useEffect, useState } from 'react';
import { readSettings, readStatuses, settingsItem, statusItem, type WorkspaceStatus } from '../storage';
import { firstRead } from './first-reads';
import { isConfigured } from './is-configured';

/** Every workspace's sync status and whether Convex is configured, followed live. */
export function useSyncStatus(): {
  statuses: Record<string, WorkspaceStatus>;
  configured: boolean;
  loaded: boolean;
} {
  const [statuses, setStatuses] = useState<Record<string, WorkspaceStatus> | null>(null);
  const [configured, setConfigured] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const loadStatuses = () =>
      void firstRead('statuses', readStatuses).then((next) => live && setStatuses(next));
    const loadSettings = () =>
      void firstRead('settings', readSettings).then(
        (settings) => live && setConfigured(isConfigured(settings)),
      );
    loadStatuses();
    loadSettings();
    const unwatchStatus = statusItem.watch(loadStatuses);
    const unwatchSettings = settingsItem.watch(loadSettings);
    return () => {
      live = false;
      unwatchStatus();
      unwatchSettings();
    };
  }, []);
  return {
    statuses: statuses ?? {},
    configured: !!configured,
    loaded: statuses !== null && configured !== null,
  };
}
