/** Says where a pattern takes the workspace from: its `:workspace` path group, else the host. */
export function workspaceSource(pattern: string): ':workspace from the path' | 'workspace = host' {
  return /:workspace(?![A-Za-z0-9_])/.test(pattern) ? ':workspace from the path' : 'workspace = host';
}
