/** The demo dashboard's main page: three sections, each saved on its own (fetch PUT, form post, fetch PUT). */
export const DEMO_DASHBOARD = `
<header><h1>Acme support bot</h1><nav><a href="/">Home</a></nav></header>
<main>
  <section id="bot-names">
    <h2>Bot names</h2>
    <label for="primaryName">Primary bot name</label>
    <input id="primaryName" name="primaryName" value="Ada">
    <label>Fallback bot name <input name="fallbackName" value="Bob"></label>
    <label for="greetingStyle">Greeting style</label>
    <select id="greetingStyle" name="greetingStyle">
      <option value="formal">Formal</option>
      <option value="friendly" selected>Friendly</option>
    </select>
    <div role="group" class="actions"><button type="button" id="save-bot-names">Save</button></div>
  </section>
  <form method="post" action="/acme/settings/intern">
    <h2>Intern</h2>
    <label><input type="checkbox" name="enabled" checked> Enabled</label>
    <label><input type="checkbox" name="canOpenTickets" checked> Can open tickets</label>
    <label><input type="checkbox" name="canCloseTickets"> Can close tickets</label>
    <fieldset>
      <legend>Review mode</legend>
      <label><input type="radio" name="reviewMode" value="always"> Always</label>
      <label><input type="radio" name="reviewMode" value="sometimes" checked> Sometimes</label>
      <label><input type="radio" name="reviewMode" value="never"> Never</label>
    </fieldset>
    <label for="maxTicketsPerDay">Max tickets per day</label>
    <input type="number" id="maxTicketsPerDay" name="maxTicketsPerDay" value="25">
    <input type="hidden" name="_csrf" value="c2VjcmV0LWNzcmYtdG9rZW4tdmFsdWU">
    <button type="submit">Save</button>
  </form>
  <form id="brain-form" aria-label="Brain settings">
    <h2>Brain</h2>
    <label for="model">Model</label>
    <select id="model" name="model"><option>gpt-4o-mini</option><option selected>claude-3-5-sonnet</option></select>
    <label for="temperature">Temperature</label>
    <input type="number" id="temperature" name="temperature" step="0.1" value="0.7">
    <label for="systemPrompt">System prompt</label>
    <textarea id="systemPrompt" name="systemPrompt">You are a friendly support bot for Acme. Answer briefly, and hand over to a human when unsure.</textarea>
    <label for="apiKey">API key</label>
    <input type="password" id="apiKey" name="apiKey" value="sk-proj-abcdefghijklmnopqrstuvwxyz012345">
    <button type="submit">Save</button>
  </form>
</main>`;

/** Sets the page body and returns the first element matching `selector`. */
export function mount(html: string, selector = 'body'): Element {
  document.body.innerHTML = html;
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no ${selector} in fixture`);
  return el;
}
