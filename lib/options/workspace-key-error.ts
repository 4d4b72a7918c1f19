/** Why a key for a workspace cannot be added to the list, or null when it can. */
export function workspaceKeyError(
  workspace: string,
  accessKey: string,
  existing: { workspace: string }[],
): string | null {
  const name = workspace.trim();
  if (!name) return 'Enter the workspace this key is for (e.g. globex, or grafana.internal:3000)';
  if (/\s|\//.test(name)) return 'A workspace is a name like globex or a host like grafana.internal:3000';
  if (!accessKey.trim()) return 'Enter the access key for this workspace';
  if (existing.some((entry) => entry.workspace === name)) return `Workspace "${name}" already has a key`;
  return null;
}

/** A key as the options page lists it: never whole, only its last four characters. */
export function maskKey(accessKey: string): string {
  return `…${accessKey.slice(-4)}`;
}
