import { escapeHtml, workspaceName } from './html';

/** Name of the fictional product the demo dashboard belongs to. */
export const PRODUCT_NAME = 'Botdesk';

/** Sidebar entries: path under the workspace → visible label. */
const NAV: readonly { path: string; label: string; group: string }[] = [
  { path: 'settings', label: 'Settings', group: 'Workspace' },
  { path: 'app-settings', label: 'App settings', group: 'Workspace' },
  { path: 'lab/fetch-kinds', label: 'Fetch kinds', group: 'Capture lab' },
  { path: 'lab/forms', label: 'Forms', group: 'Capture lab' },
  { path: 'lab/forge', label: 'Forged messages', group: 'Capture lab' },
  { path: 'lab/large', label: 'Large settings', group: 'Capture lab' },
];

/** What every page of the dashboard passes to the shared shell. */
export interface LayoutOptions {
  workspace: string;
  /** Path under the workspace of the current page, e.g. `settings`, to mark the sidebar entry. */
  active: string;
  title: string;
  lede: string;
  body: string;
  /** Module script under `/assets/` for this page, if any. */
  script?: string;
}

function navigation(workspace: string, active: string): string {
  const groups = [...new Set(NAV.map((entry) => entry.group))];
  return groups
    .map((group) => {
      const links = NAV.filter((entry) => entry.group === group)
        .map(
          (entry) =>
            `<li><a href="/${escapeHtml(workspace)}/${entry.path}"${entry.path === active ? ' aria-current="page"' : ''}>${escapeHtml(entry.label)}</a></li>`,
        )
        .join('');
      return `<p class="nav-group">${escapeHtml(group)}</p><ul>${links}</ul>`;
    })
    .join('');
}

/** Wraps a page body in the dashboard shell: sidebar with the workspace name, header, main column. */
export function renderLayout(options: LayoutOptions): string {
  const name = workspaceName(options.workspace);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · ${escapeHtml(name)} · ${PRODUCT_NAME}</title>
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body data-workspace="${escapeHtml(options.workspace)}">
<div class="shell">
  <aside class="sidebar">
    <div class="workspace-card">
      <span class="workspace-logo" aria-hidden="true">${escapeHtml(name.charAt(0) || '?')}</span>
      <div><p class="workspace-name">${escapeHtml(name)}</p><p class="workspace-plan">${PRODUCT_NAME} · Team plan</p></div>
    </div>
    <nav aria-label="Workspace">${navigation(options.workspace, options.active)}</nav>
    <p class="sidebar-footer"><a href="/about">About ${PRODUCT_NAME}</a></p>
  </aside>
  <main class="content">
    <header class="page-header">
      <p class="breadcrumb">${escapeHtml(name)} / ${escapeHtml(options.title)}</p>
      <h1>${escapeHtml(options.title)}</h1>
      <p class="lede">${escapeHtml(options.lede)}</p>
    </header>
    ${options.body}
  </main>
</div>
${options.script ? `<script type="module" src="/assets/${escapeHtml(options.script)}"></script>` : ''}
</body>
</html>`;
}
