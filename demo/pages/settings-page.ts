import { GREETING_STYLES, MODELS, REVIEW_MODES } from '../sections';
import type { WorkspaceSettings } from '../settings-store';
import {
  checkboxField,
  inputField,
  radioGroup,
  saveBar,
  selectField,
  textareaField,
  type SectionStatus,
  type SectionStatuses,
} from './fields';
import { escapeHtml } from './html';
import { renderLayout } from './layout';

const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));

function botNamesCard(values: Record<string, unknown>, status?: SectionStatus): string {
  return `<section class="card" id="bot-names" aria-labelledby="bot-names-title">
  <div class="card-header"><h2 id="bot-names-title">Bot names</h2><p>What customers see when a bot answers.</p></div>
  <div class="card-body">
    ${inputField({ id: 'bot-names-primaryName', name: 'primaryName', label: 'Primary bot name', value: str(values.primaryName), help: 'Shown in the chat header and signatures.' })}
    ${inputField({ id: 'bot-names-fallbackName', name: 'fallbackName', label: 'Fallback bot name', value: str(values.fallbackName), help: 'Used when the primary bot is offline.' })}
    ${selectField({ id: 'bot-names-greetingStyle', name: 'greetingStyle', label: 'Greeting style', value: str(values.greetingStyle), options: GREETING_STYLES })}
  </div>
  ${saveBar({ id: 'bot-names', ariaLabel: 'Save bot names', type: 'button', status })}
</section>`;
}

function internCard(workspace: string, values: Record<string, unknown>, status?: SectionStatus): string {
  return `<section class="card" id="intern" aria-labelledby="intern-title">
  <form method="post" action="/${escapeHtml(workspace)}/settings/intern">
  <div class="card-header"><h2 id="intern-title">Intern</h2><p>The junior bot that drafts replies for your team.</p></div>
  <div class="card-body">
    ${checkboxField({ id: 'intern-enabled', name: 'enabled', label: 'Enabled', checked: values.enabled === true })}
    ${checkboxField({ id: 'intern-canOpenTickets', name: 'canOpenTickets', label: 'Can open tickets', checked: values.canOpenTickets === true })}
    ${checkboxField({ id: 'intern-canCloseTickets', name: 'canCloseTickets', label: 'Can close tickets', checked: values.canCloseTickets === true, help: 'Closing a ticket sends the customer a survey.' })}
    ${radioGroup({ id: 'intern-reviewMode', name: 'reviewMode', legend: 'Review mode', value: str(values.reviewMode), options: REVIEW_MODES, help: 'Whether a human checks drafts before they are sent.' })}
    ${inputField({ id: 'intern-maxTicketsPerDay', name: 'maxTicketsPerDay', label: 'Max tickets per day', type: 'number', value: str(values.maxTicketsPerDay), extra: 'min="0" max="500" step="1" required', help: 'Between 0 and 500.' })}
  </div>
  ${saveBar({ id: 'intern', ariaLabel: 'Save intern', type: 'submit', status })}
  </form>
</section>`;
}

function brainCard(values: Record<string, unknown>, status?: SectionStatus): string {
  const keySet = values.apiKey !== '';
  return `<section class="card" id="brain" aria-labelledby="brain-title">
  <form id="brain-form" novalidate>
  <div class="card-header"><h2 id="brain-title">Brain</h2><p>The language model behind every bot in this workspace.</p></div>
  <div class="card-body">
    ${selectField({ id: 'brain-model', name: 'model', label: 'Model', value: str(values.model), options: MODELS })}
    ${inputField({ id: 'brain-temperature', name: 'temperature', label: 'Temperature', type: 'number', value: str(values.temperature), extra: 'min="0" max="2" step="0.1"', help: 'From 0 (focused) to 2 (creative).' })}
    ${textareaField({ id: 'brain-systemPrompt', name: 'systemPrompt', label: 'System prompt', value: str(values.systemPrompt), rows: 5 })}
    ${inputField({ id: 'brain-apiKey', name: 'apiKey', label: 'API key', type: 'password', value: '', extra: 'autocomplete="off" spellcheck="false"', help: keySet ? '•••• set — leave blank to keep the current key.' : 'No key set yet.' })}
  </div>
  ${saveBar({ id: 'brain', ariaLabel: 'Save brain', type: 'submit', status })}
  </form>
</section>`;
}

/** The main settings page: "Bot names" (fetch from a button), "Intern" (classic form), "Brain" (fetch from a form). */
export function renderSettingsPage(
  workspace: string,
  settings: WorkspaceSettings,
  statuses: SectionStatuses,
): string {
  const body = `<div class="cards">
${botNamesCard(settings['bot-names'] ?? {}, statuses['bot-names'])}
${internCard(workspace, settings.intern ?? {}, statuses.intern)}
${brainCard(settings.brain ?? {}, statuses.brain)}
</div>`;
  return renderLayout({
    workspace,
    active: 'settings',
    title: 'Settings',
    lede: 'Name your bots, decide what the intern may do, and tune the model. Each card saves on its own.',
    body,
    script: 'settings.js',
  });
}
