/**
 * Says where a dashboard's workspace comes from: set by hand (`workspace = acme`), else its pattern's `:workspace`
 * path group, else the host.
 */
export function workspaceSource(pattern: string, workspace?: string): string {
  if (workspace) return `workspace = ${workspace} (set by hand)`;
  return /:workspace(?![A-Za-z0-9_])/.test(pattern) ? ':workspace from the path' : 'workspace = host';
}
