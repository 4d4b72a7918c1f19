import type { WorkspaceSettings } from '../settings-store';
import { checkboxField, inputField, saveBar, type SectionStatuses } from './fields';
import { escapeHtml } from './html';
import { renderLayout } from './layout';

/** Path of the second URL the "Save to another URL" form's `formaction` button posts to. */
export const FORMACTION_PATH = 'lab/forms-alt';

const str = (value: unknown): string => String(value ?? '');

/** The lab page of classic post forms: submit click, Enter key, `requestSubmit()` and `button[formaction]`. */
export function renderFormsPage(
  workspace: string,
  settings: WorkspaceSettings,
  statuses: SectionStatuses,
): string {
  const ws = escapeHtml(workspace);
  const action = (section: string): string => `/${ws}/lab/forms/${section}`;
  const values = (section: string): Record<string, unknown> => settings[section] ?? {};
  const body = `<div class="cards">
<section class="card" aria-labelledby="form-click-title">
  <form method="post" action="${action('form-click')}" id="form-click">
  <div class="card-header"><h2 id="form-click-title">Save by button</h2><p>A plain form saved by clicking its submit button.</p></div>
  <div class="card-body">
    ${inputField({ id: 'form-click-clickTitle', name: 'clickTitle', label: 'Digest title', value: str(values('form-click').clickTitle) })}
    ${checkboxField({ id: 'form-click-clickNotify', name: 'clickNotify', label: 'Email the digest', checked: values('form-click').clickNotify === true })}
  </div>
  ${saveBar({ id: 'form-click', ariaLabel: 'Save digest', type: 'submit', status: statuses['form-click'] })}
  </form>
</section>
<section class="card" aria-labelledby="form-enter-title">
  <form method="post" action="${action('form-enter')}" id="form-enter">
  <div class="card-header"><h2 id="form-enter-title">Save by Enter key</h2><p>Press Enter in the field to save.</p></div>
  <div class="card-body">
    ${inputField({ id: 'form-enter-enterNickname', name: 'enterNickname', label: 'Bot nickname', value: str(values('form-enter').enterNickname) })}
  </div>
  ${saveBar({ id: 'form-enter', ariaLabel: 'Save nickname', type: 'submit', status: statuses['form-enter'] })}
  </form>
</section>
<section class="card" aria-labelledby="form-request-submit-title">
  <form method="post" action="${action('form-request-submit')}" id="form-request-submit">
  <div class="card-header"><h2 id="form-request-submit-title">Save by script</h2><p>The button is not a submit button: a script calls <code>form.requestSubmit()</code>.</p></div>
  <div class="card-body">
    ${inputField({ id: 'form-request-submit-scriptedMotto', name: 'scriptedMotto', label: 'Team motto', value: str(values('form-request-submit').scriptedMotto) })}
  </div>
  ${saveBar({ id: 'form-request-submit', ariaLabel: 'Save motto', type: 'button', status: statuses['form-request-submit'] })}
  </form>
</section>
<section class="card" aria-labelledby="form-formaction-title">
  <form method="post" action="${action('form-formaction')}" id="form-formaction">
  <div class="card-header"><h2 id="form-formaction-title">Save to another URL</h2><p>“Save to team defaults” posts to <code>/${ws}/${FORMACTION_PATH}/form-formaction</code> via <code>formaction</code>.</p></div>
  <div class="card-body">
    ${inputField({ id: 'form-formaction-formactionChannel', name: 'formactionChannel', label: 'Alert channel', value: str(values('form-formaction').formactionChannel) })}
  </div>
  ${saveBar({
    id: 'form-formaction',
    ariaLabel: 'Save channel',
    type: 'submit',
    status: statuses['form-formaction'],
    extraButtons: `<button type="submit" id="form-formaction-alt" formaction="/${ws}/${FORMACTION_PATH}/form-formaction">Save to team defaults</button>`,
  })}
  </form>
</section>
<section class="card" aria-labelledby="form-scripted-title">
  <form method="post" action="${action('form-scripted')}" id="form-scripted">
  <div class="card-header"><h2 id="form-scripted-title">Filled by script</h2><p>Served empty: a script fills the form from <code>GET /api/workspaces/${ws}/settings/form-scripted</code> after the page loads.</p></div>
  <div class="card-body">
    ${inputField({ id: 'form-scripted-scriptedTheme', name: 'scriptedTheme', label: 'Theme', value: '' })}
    ${inputField({ id: 'form-scripted-scriptedLimit', name: 'scriptedLimit', label: 'Row limit', value: '' })}
  </div>
  ${saveBar({ id: 'form-scripted', ariaLabel: 'Save display', type: 'submit', status: statuses['form-scripted'] })}
  </form>
</section>
<section class="card" aria-labelledby="form-feedback-title">
  <form method="post" action="/analytics/collect" target="usage-sink" id="form-feedback">
  <div class="card-header"><h2 id="form-feedback-title">Usage feedback</h2><p>Not a settings save: posts to <code>/analytics/collect</code> in a hidden frame, as analytics widgets do.</p></div>
  <div class="card-body">
    ${inputField({ id: 'form-feedback-feedbackText', name: 'feedbackText', label: 'Feedback', value: '' })}
  </div>
  ${saveBar({ id: 'form-feedback', ariaLabel: 'Send feedback', type: 'submit', text: 'Send' })}
  </form>
  <iframe name="usage-sink" title="Usage sink" hidden></iframe>
</section>
</div>`;
  return renderLayout({
    workspace,
    active: 'lab/forms',
    title: 'Forms',
    lede: 'Classic forms that post and reload, submitted in every way a browser allows.',
    body,
    script: 'forms.js',
  });
}
