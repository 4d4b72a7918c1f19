import type { Item } from '../sections';
import type { WorkspaceSettings } from '../settings-store';
import { inputField, saveBar } from './fields';
import { escapeHtml } from './html';
import { renderLayout } from './layout';

/** One lab card per body kind: section slug, field name, visible texts and how the page script sends it. */
export const FETCH_KINDS = [
  {
    section: 'lab-json',
    field: 'jsonNote',
    title: 'JSON string',
    label: 'JSON note',
    how: 'fetch PUT, body JSON.stringify(…)',
  },
  {
    section: 'lab-params',
    field: 'paramsNote',
    title: 'URLSearchParams',
    label: 'Params note',
    how: 'fetch POST, body new URLSearchParams(…)',
  },
  {
    section: 'lab-formdata',
    field: 'formDataNote',
    title: 'FormData',
    label: 'FormData note',
    how: 'fetch POST, multipart body new FormData()',
  },
  {
    section: 'lab-blob',
    field: 'blobNote',
    title: 'Blob',
    label: 'Blob note',
    how: 'fetch PATCH, body new Blob([json], { type: "application/json" })',
  },
  {
    section: 'lab-request',
    field: 'requestNote',
    title: 'Request object',
    label: 'Request note',
    how: 'fetch(new Request(url, { method: "PUT", body }))',
  },
  {
    section: 'lab-xhr',
    field: 'xhrNote',
    title: 'XMLHttpRequest',
    label: 'XHR note',
    how: 'XMLHttpRequest PUT with a JSON string',
  },
] as const;

function kindCard(kind: (typeof FETCH_KINDS)[number], values: Record<string, unknown>): string {
  return `<section class="card" id="${kind.section}" aria-labelledby="${kind.section}-title" data-section="${kind.section}">
  <div class="card-header"><h2 id="${kind.section}-title">${escapeHtml(kind.title)}</h2><p><code>${escapeHtml(kind.how)}</code></p></div>
  <div class="card-body">
    ${inputField({ id: `${kind.section}-${kind.field}`, name: kind.field, label: kind.label, value: String(values[kind.field] ?? '') })}
  </div>
  ${saveBar({ id: kind.section, ariaLabel: `Save ${kind.title}`, type: 'button' })}
</section>`;
}

function itemsCard(items: readonly Item[]): string {
  const rows = items
    .map((item) => `<li data-item-id="${escapeHtml(item.id)}">${escapeHtml(item.name)}</li>`)
    .join('');
  return `<section class="card" id="lab-items" aria-labelledby="lab-items-title">
  <div class="card-header"><h2 id="lab-items-title">Queues</h2><p><code>fetch DELETE …/settings/lab-items/items/:id</code> removes the first queue.</p></div>
  <div class="card-body"><ul class="item-list" id="lab-items-list">${rows}</ul></div>
  ${saveBar({ id: 'lab-items', ariaLabel: 'Remove item', type: 'button', text: 'Remove item' })}
</section>`;
}

function notSavesCard(): string {
  return `<section class="card" id="not-saves" aria-labelledby="not-saves-title">
  <div class="card-header"><h2 id="not-saves-title">Not saves</h2><p>Requests a dashboard makes that are not settings saves.</p></div>
  <div class="card-body button-row">
    <button type="button" id="poll-button">Poll settings</button>
    <button type="button" id="analytics-button">Send analytics</button>
  </div>
  <p class="save-status" id="not-saves-status" role="status" aria-live="polite"></p>
</section>`;
}

/** Bot tools: writes that are not settings saves, beside a field of the section they sit in. */
function botToolsCard(): string {
  return `<section class="card" id="lab-bot-tools" aria-labelledby="lab-bot-tools-title">
  <div class="card-header"><h2 id="lab-bot-tools-title">Bot tools</h2><p>“Test connection” posts to <code>…/bots/bot-42/test-webhook</code>, “Recount usage” to <code>…/bots/bot-42/recount</code>: writes, not settings saves.</p></div>
  <div class="card-body">
    ${inputField({ id: 'lab-bot-tools-webhookUrl', name: 'webhookUrl', label: 'Bot webhook URL', value: 'https://hooks.example.com/bot-42' })}
  </div>
  <div class="card-body button-row">
    <button type="button" id="bot-test-connection">Test connection</button>
    <button type="button" id="bot-recount">Recount usage</button>
  </div>
  <p class="save-status" id="lab-bot-tools-status" role="status" aria-live="polite"></p>
</section>`;
}

/** The lab page with one Save button per request body kind, a DELETE, a GET poll and analytics beacons. */
export function renderFetchKindsPage(workspace: string, settings: WorkspaceSettings): string {
  const cards = FETCH_KINDS.map((kind) => kindCard(kind, settings[kind.section] ?? {})).join('\n');
  const items = (settings['lab-items']?.items ?? []) as Item[];
  return renderLayout({
    workspace,
    active: 'lab/fetch-kinds',
    title: 'Fetch kinds',
    lede: 'Each card saves its note with a different kind of request body.',
    body: `<div class="cards">${cards}\n${itemsCard(items)}\n${notSavesCard()}\n${botToolsCard()}</div>`,
    script: 'fetch-kinds.js',
  });
}
