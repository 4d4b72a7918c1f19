import { REGIONS } from '../sections';
import type { WorkspaceSettings } from '../settings-store';
import { checkboxField, inputField, saveBar, selectField } from './fields';
import { jsonForScript } from './html';
import { renderLayout } from './layout';

/**
 * The framework-style page: a script-held `state` is the source of truth, inputs are re-rendered from it after every
 * event, and Save sends `state` (not the DOM) to section `app`.
 */
export function renderAppSettingsPage(workspace: string, settings: WorkspaceSettings): string {
  const values = settings.app ?? {};
  const body = `<div class="cards">
<section class="card" id="app" aria-labelledby="app-title">
  <div class="card-header"><h2 id="app-title">Team preferences</h2><p>Managed by the app's own state, like a React form.</p></div>
  <div class="card-body" id="app-fields">
    ${inputField({ id: 'app-teamName', name: 'teamName', label: 'Team name', value: String(values.teamName ?? '') })}
    ${selectField({ id: 'app-region', name: 'region', label: 'Region', value: String(values.region ?? ''), options: REGIONS, help: 'Where conversations are stored.' })}
    ${checkboxField({ id: 'app-notifications', name: 'notifications', label: 'Notifications', checked: values.notifications === true })}
    ${inputField({ id: 'app-retentionDays', name: 'retentionDays', label: 'Retention days', type: 'number', value: String(values.retentionDays ?? ''), extra: 'min="1" max="3650" step="1"', help: 'Days before closed conversations are deleted (1–3650).' })}
  </div>
  ${saveBar({ id: 'app', ariaLabel: 'Save team preferences', type: 'button' })}
</section>
</div>
<script type="application/json" id="app-initial-state">${jsonForScript(values)}</script>`;
  return renderLayout({
    workspace,
    active: 'app-settings',
    title: 'App settings',
    lede: 'A single-page-app style form: what you see is rendered from script state.',
    body,
    script: 'app-settings.js',
  });
}
