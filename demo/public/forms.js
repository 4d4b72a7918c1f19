// The forms lab: the "Save by script" button is not a submit button; it asks the form to submit itself.
const form = document.getElementById('form-request-submit');

document.getElementById('form-request-submit-save')?.addEventListener('click', () => {
  form?.requestSubmit();
});

// "Filled by script": the server sends the form empty; its values come from the API once the page has loaded
// (after a pause, as a page busy with other work would), without input or change events.
const scripted = document.getElementById('form-scripted');
window.addEventListener('load', () => {
  setTimeout(async () => {
    const workspace = document.body.dataset.workspace ?? 'acme';
    const response = await fetch(`/api/workspaces/${encodeURIComponent(workspace)}/settings/form-scripted`);
    const values = await response.json();
    for (const [name, value] of Object.entries(values)) {
      const input = scripted?.querySelector(`[name="${name}"]`);
      if (input) input.value = String(value);
    }
  }, 300);
});
