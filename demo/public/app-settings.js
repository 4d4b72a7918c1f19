// A framework-style page: `state` is the source of truth, as in a React form with controlled inputs.
// Only `input`/`change` events update state; a script that sets `.value` without an event changes nothing saved,
// and the next render puts the state's value back.
import { putJson, reportSave } from './save-client.js';

const state = JSON.parse(document.getElementById('app-initial-state').textContent);

/** Field name → how to read the control into state and write state back into the control. */
const FIELDS = {
  teamName: { read: (el) => el.value, write: (el, value) => (el.value = value) },
  region: { read: (el) => el.value, write: (el, value) => (el.value = value) },
  notifications: { read: (el) => el.checked, write: (el, value) => (el.checked = value) },
  retentionDays: {
    read: (el) => (el.value === '' ? '' : Number(el.value)),
    write: (el, value) => (el.value = String(value)),
  },
};

const control = (name) => document.getElementById(`app-${name}`);

function render() {
  for (const [name, { write }] of Object.entries(FIELDS)) write(control(name), state[name]);
}

function onEvent(event) {
  const name = event.target.name;
  const binding = FIELDS[name];
  if (!binding) return;
  state[name] = binding.read(event.target);
  render();
}

const fields = document.getElementById('app-fields');
fields.addEventListener('input', onEvent);
fields.addEventListener('change', onEvent);

document.getElementById('app-save').addEventListener('click', () => {
  void reportSave('app', () => putJson('app', state));
});

render();
