import type { Settings } from '../storage';

/** The access key this device uses for a workspace: the workspace's own key when it has one, else the main key. */
export function accessKeyFor(
  settings: Pick<Settings, 'accessKey' | 'workspaceKeys'>,
  workspace: string,
): string {
  return (
    settings.workspaceKeys.find((entry) => entry.workspace === workspace)?.accessKey ?? settings.accessKey
  );
}
