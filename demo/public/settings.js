// The main settings page: "Bot names" saves from a plain button, "Brain" from a form's submit handler.
import { putJson, reportSave } from './save-client.js';

const field = (id) => document.getElementById(id);

field('bot-names-save')?.addEventListener('click', () => {
  void reportSave('bot-names', () =>
    putJson('bot-names', {
      primaryName: field('bot-names-primaryName').value,
      fallbackName: field('bot-names-fallbackName').value,
      greetingStyle: field('bot-names-greetingStyle').value,
    }),
  );
});

field('brain-form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const apiKey = field('brain-apiKey');
  const temperature = field('brain-temperature').value;
  const response = await reportSave('brain', () =>
    putJson('brain', {
      model: field('brain-model').value,
      // An empty box is sent as-is so the server, not the page, says what is wrong with it.
      temperature: temperature === '' ? '' : Number(temperature),
      systemPrompt: field('brain-systemPrompt').value,
      apiKey: apiKey.value,
    }),
  );
  if (!response) return;
  const { settings } = await response.json();
  apiKey.value = '';
  field('brain-apiKey-help').textContent = settings?.apiKeySet
    ? '•••• set — leave blank to keep the current key.'
    : 'No key set yet.';
});
