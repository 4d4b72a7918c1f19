/**
 * The workspaces the popup can show, in their order: the target tab's first, then those with backups or a sync
 * status, by name. With nothing chosen, the popup shows the first.
 */
export function listWorkspaces(
  stored: string[],
  statusWorkspaces: string[],
  current: string | null,
): string[] {
  const others = [...stored, ...statusWorkspaces]
    .filter((name) => name && name !== current)
    .sort((a, b) => a.localeCompare(b));
  return [...new Set([...(current ? [current] : []), ...others])];
}
