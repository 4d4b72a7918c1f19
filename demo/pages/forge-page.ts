import type { WorkspaceSettings } from '../settings-store';
import { inputField, saveBar } from './fields';
import { renderLayout } from './layout';

/** Forge buttons: element id → visible text. The page script sends the matching forged `postMessage`s. */
export const FORGE_BUTTONS = {
  'forge-one': 'Forge one save',
  'forge-known': 'Forge a Bot names save',
  'forge-flood': 'Forge 1,000 saves',
  'forge-huge': 'Forge a 5 MB save',
  'forge-restore': 'Ask for a restore',
  'forge-delete': 'Ask for a delete',
  'forge-settings': 'Ask to change settings',
  'forge-malformed': 'Send malformed messages',
} as const;

/** A hostile page that forges Savepoint bridge messages, beside one real fetch save (section `forge-real`). */
export function renderForgePage(workspace: string, settings: WorkspaceSettings): string {
  const buttons = Object.entries(FORGE_BUTTONS)
    .map(([id, text]) => `<button type="button" id="${id}" class="danger">${text}</button>`)
    .join('\n    ');
  const body = `<div class="cards">
<section class="card" id="forge" aria-labelledby="forge-title">
  <div class="card-header"><h2 id="forge-title">Forged messages</h2><p>Each button posts messages shaped like Savepoint's bridge protocol with <code>window.postMessage</code>. No request is made.</p></div>
  <div class="card-body button-row">
    ${buttons}
  </div>
  <p class="save-status" id="forge-status" role="status" aria-live="polite"></p>
</section>
<section class="card" id="forge-real" aria-labelledby="forge-real-title">
  <div class="card-header"><h2 id="forge-real-title">Real setting</h2><p>A genuine save on this hostile page (fetch PUT JSON). “Save, and forge another body” makes the same save after posting a forged report of it whose body says <code>swapped</code>.</p></div>
  <div class="card-body">
    ${inputField({ id: 'forge-real-forgeNote', name: 'forgeNote', label: 'Forge note', value: String(settings['forge-real']?.forgeNote ?? '') })}
  </div>
  ${saveBar({
    id: 'forge-real',
    ariaLabel: 'Save real setting',
    type: 'button',
    extraButtons: `<button type="button" id="forge-swap" class="danger">Save, and forge another body</button>`,
  })}
</section>
</div>`;
  return renderLayout({
    workspace,
    active: 'lab/forge',
    title: 'Forged messages',
    lede: 'This page tries to trick the extension. Nothing here should create a backup except the real Save.',
    body,
    script: 'forge.js',
  });
}
